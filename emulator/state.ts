import { type EmulatorData, parseEmulatorData } from "./data-schema";
import { FaultInjector } from "./faults";
import { type Settings, settingsSchema } from "./settings";
import { TokenStore } from "./tokens";
import { Traffic } from "./traffic";

/** Everything an emulator holds in memory. */
export class EmulatorState {
  data: EmulatorData;
  settings: Settings = settingsSchema.parse({});
  readonly tokens = new TokenStore();
  readonly traffic = new Traffic();
  readonly faults: FaultInjector;

  constructor(
    private readonly initial: EmulatorData,
    faultSeed: number,
  ) {
    this.data = structuredClone(initial);
    this.faults = new FaultInjector(faultSeed);
  }

  /** Back to the data the emulator started with; clears counters, log, faults and settings.
   * Issued tokens stay valid. */
  reset(): void {
    this.data = structuredClone(this.initial);
    this.settings = settingsSchema.parse({});
    this.faults.set({});
    this.traffic.clearCounters();
    this.traffic.clearRequests();
  }

  load(input: unknown): void {
    this.data = parseEmulatorData(input);
  }
}
