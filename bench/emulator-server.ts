// The emulator alone in its own process, for the benchmarks (emulator-process.ts): prints its URL and credentials
// as one JSON line, then serves until killed.
import { startEmulator } from "../emulator";

startEmulator().then((emulator) => {
  process.stdout.write(
    `${JSON.stringify({ url: emulator.url, credentials: emulator.credentials })}\n`,
  );
  process.once("SIGTERM", () => void emulator.stop());
});
