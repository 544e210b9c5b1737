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

/** Answers by status per API, e.g. `{ asa: { "200": 980, "429": 1, "0": 2 } }` (0: dropped). */
export type StatusCounts = Record<ApiName, Record<string, number>>;

const logLength = 1000;

const emptyCounters = (): Counters => ({ asa: {}, secureframe: {}, scaikey: {} });

/** Per-route request counters and a log of the last requests of the three APIs. */
export class Traffic {
  private counters = emptyCounters();
  private statuses: StatusCounts = emptyCounters();
  private log: RequestLogEntry[] = [];

  count(api: ApiName, method: string, route: string): void {
    const key = `${method} ${route}`;
    this.counters[api][key] = (this.counters[api][key] ?? 0) + 1;
  }

  record(entry: RequestLogEntry): void {
    const byStatus = this.statuses[entry.api];
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
    if (this.log.length >= logLength) this.log.shift();
    this.log.push(entry);
  }

  snapshotCounters(): Counters {
    return structuredClone(this.counters);
  }

  snapshotStatuses(): StatusCounts {
    return structuredClone(this.statuses);
  }

  requests(): RequestLogEntry[] {
    return [...this.log];
  }

  /** Clears the route counters and the status counts. */
  clearCounters(): void {
    this.counters = emptyCounters();
    this.statuses = emptyCounters();
  }

  clearRequests(): void {
    this.log = [];
  }
}
