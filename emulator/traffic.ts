import type { ApiName } from "./api-names";

export interface RequestLogEntry {
  api: ApiName;
  method: string;
  url: string;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  ms: number;
}

export type Counters = Record<ApiName, Record<string, number>>;

const logLength = 1000;

const emptyCounters = (): Counters => ({ asa: {}, secureframe: {}, scaikey: {} });

/** Per-route request counters and a log of the last requests of the three APIs. */
export class Traffic {
  private counters = emptyCounters();
  private log: RequestLogEntry[] = [];

  count(api: ApiName, method: string, route: string): void {
    const key = `${method} ${route}`;
    this.counters[api][key] = (this.counters[api][key] ?? 0) + 1;
  }

  record(entry: RequestLogEntry): void {
    if (this.log.length >= logLength) this.log.shift();
    this.log.push(entry);
  }

  snapshotCounters(): Counters {
    return structuredClone(this.counters);
  }

  requests(): RequestLogEntry[] {
    return [...this.log];
  }

  clearCounters(): void {
    this.counters = emptyCounters();
  }

  clearRequests(): void {
    this.log = [];
  }
}
