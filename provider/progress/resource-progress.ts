import { API_LABELS, type ApiName, type WaitSource } from "../errors";
import { type Clock, systemClock } from "../transport/clock";
import { type EngineLog, engineLog } from "./engine-log";

/** A wait one of the resource's calls sits through. */
export interface Wait {
  api: ApiName;
  /** When it ends (API time, ms since the epoch). */
  until: number;
  source: WaitSource;
  /** A pause of every request to the API (its rate limit), or this call's own retry backoff. */
  kind: "rate-limit" | "retry";
}

/** Waits shorter than this are not worth a line; longer ones always show. */
export const VISIBLE_WAIT_MS = 10_000;
/** A change running longer than this shows how far it is, every `TICK_MS`. */
export const LONG_CHANGE_MS = 2_000;
const TICK_MS = 2_000;

const WAIT_SOURCES: Record<WaitSource, string> = {
  "retry-after": "Retry-After",
  "x-ratelimit-retry-at": "X-RateLimit-Retry-At",
  "x-ratelimit-reset": "X-RateLimit-Reset",
  backoff: "backoff",
  "rate-limit-fallback": "a 429 without a time: 5–10 s",
};

function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

interface Task {
  title: string;
  total: number;
  done: number;
  failed: number;
  startedAt: number;
}

/**
 * What one resource's provider call is doing, shown on that resource's row of the Pulumi CLI as
 * ephemeral messages (gone once the step ends): long changes say how far they are, and any wait
 * over 10 s says what it waits for and until when.
 */
export class ResourceProgress {
  private task: Task | undefined;
  private wait: Wait | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastMessage: string | undefined;

  constructor(
    /** The resource's URN; "" puts the messages on the Stack row. */
    readonly urn: string,
    /** How messages name the resource, e.g. `asa.GroupMembership william-faulkner/compsons`. */
    readonly label: string,
    private readonly log: EngineLog = engineLog,
    private readonly clock: Clock = systemClock,
  ) {}

  /** A call starts waiting; shown when the wait is long. */
  waiting(wait: Wait): void {
    const now = this.clock.now();
    if (wait.until - now < VISIBLE_WAIT_MS) return;
    // Whether the wait in force has ended need not be asked: if it has, this one ends later.
    if (this.wait && this.wait.until >= wait.until) return;
    this.wait = wait;
    this.post();
  }

  /** A change of `total` steps begins (e.g. the adds and removes of a group's members). */
  start(title: string, total: number): void {
    this.task = { title, total, done: 0, failed: 0, startedAt: this.clock.now() };
    this.timer ??= setInterval(() => this.post(), TICK_MS).unref();
  }

  /** One step of the change ended. */
  step(ok: boolean): void {
    if (!this.task) return;
    if (ok) this.task.done += 1;
    else this.task.failed += 1;
  }

  /** The change ended: no more progress lines. */
  finish(): void {
    this.task = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A warning on the resource's row that stays (in the Diagnostics summary too). */
  warn(message: string): void {
    this.log.warning(this.urn, `${this.label}: ${message}`);
  }

  /** The line shown now, or undefined when there is nothing worth showing. */
  message(): string | undefined {
    const now = this.clock.now();
    const parts: string[] = [];
    const task = this.task;
    if (task && now - task.startedAt >= LONG_CHANGE_MS) {
      const failed = task.failed > 0 ? `, ${task.failed} failed` : "";
      parts.push(
        `${task.title}: ${task.done} of ${task.total} done${failed} (${duration(now - task.startedAt)})`,
      );
    }
    const wait = this.wait;
    if (wait && wait.until > now) {
      const what =
        wait.kind === "rate-limit"
          ? `${API_LABELS[wait.api]}'s rate limit`
          : `a retry of a failed ${API_LABELS[wait.api]} call`;
      parts.push(
        `waiting for ${what} until ${clockTime(wait.until)} (${duration(wait.until - now)}, from ${WAIT_SOURCES[wait.source]})`,
      );
    }
    return parts.length > 0 ? `${this.label}: ${parts.join("; ")}` : undefined;
  }

  private post(): void {
    const message = this.message();
    if (!message || message === this.lastMessage) return;
    this.lastMessage = message;
    this.log.info(this.urn, message, { ephemeral: true });
  }
}
