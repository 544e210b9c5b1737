// The emulator alone in its own process, for bench/emulator.ts: prints its URL and credentials
// as one JSON line, then serves until killed.
import { startEmulator } from "../emulator";

startEmulator().then((emulator) => {
  process.stdout.write(
    `${JSON.stringify({ url: emulator.url, credentials: emulator.credentials })}\n`,
  );
  process.once("SIGTERM", () => void emulator.stop());
});
