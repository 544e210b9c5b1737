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

/** Per-route request counters and a log of the last requests of the three APIs. */
export class Traffic {
  private counters = new Map<string, number>();
  private log: RequestLogEntry[] = [];

  count(api: ApiName, method: string, route: string): void {
    const key = `${api}\u0000${method} ${route}`;
    this.counters.set(key, (this.counters.get(key) ?? 0) + 1);
  }

  record(entry: RequestLogEntry): void {
    if (this.log.length >= logLength) this.log.shift();
    this.log.push(entry);
  }

  snapshotCounters(): Counters {
    const result: Counters = { asa: {}, secureframe: {}, scaikey: {} };
    for (const [key, count] of this.counters) {
      const [api, route] = key.split("\u0000") as [ApiName, string];
      result[api][route] = count;
    }
    return result;
  }

  requests(): RequestLogEntry[] {
    return [...this.log];
  }

  clearCounters(): void {
    this.counters.clear();
  }

  clearRequests(): void {
    this.log = [];
  }
}
