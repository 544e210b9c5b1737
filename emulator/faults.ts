import { z } from "zod";
import { type ApiName, apiNames } from "./api-names";
import { seededRandom } from "./prng";
import { type RateState, RateWindow } from "./rate-window";

/** The HTTP methods a fault applies to; all when left out. */
const methodsSchema = z.array(z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"])).optional();
/** Parts of a path a fault applies to (`"/users"`: any path holding it); all paths when left out. */
const pathsSchema = z.array(z.string().min(1)).optional();

const apiFaultsSchema = z.strictObject({
  latency: z
    .strictObject({
      fixedMs: z.number().int().min(0).max(120_000).default(0),
      jitterMs: z.number().int().min(0).max(120_000).default(0),
    })
    .optional(),
  /** At most `requests` requests per `windowMs`; the next ones answer 429. */
  rateLimit: z
    .strictObject({ requests: z.number().int().min(0), windowMs: z.number().int().min(1) })
    .optional(),
  /** A share (0..1) of requests answered with a 5xx status (only these methods', if given). */
  serverErrors: z
    .strictObject({
      share: z.number().min(0).max(1),
      status: z
        .union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)])
        .default(500),
      methods: methodsSchema,
      paths: pathsSchema,
    })
    .optional(),
  /**
   * Requests answered with this error status and an error body and headers that repeat what the
   * request carried: its Authorization header and the strings of its body (key secrets, client
   * secrets, passwords), as sent and URL-encoded. For tests that what clients show is redacted.
   */
  echoes: z
    .strictObject({
      status: z
        .union([z.literal(400), z.literal(401), z.literal(403), z.literal(409), z.literal(500)])
        .default(400),
      methods: methodsSchema,
      paths: pathsSchema,
    })
    .optional(),
  /** A share (0..1) of requests whose connection is destroyed without an answer (only these methods', if given). */
  drops: z
    .strictObject({ share: z.number().min(0).max(1), methods: methodsSchema, paths: pathsSchema })
    .optional(),
});

export const faultsSchema = z.strictObject({
  /** Seeds the generator that draws jitter, errors and drops; defaults to the emulator's seed. */
  seed: z.number().int().optional(),
  /** Applies to every API, field by field, unless the API has its own setting. */
  all: apiFaultsSchema.optional(),
  asa: apiFaultsSchema.optional(),
  secureframe: apiFaultsSchema.optional(),
  scaikey: apiFaultsSchema.optional(),
});

export type FaultsInput = z.input<typeof faultsSchema>;
export type Faults = z.output<typeof faultsSchema>;
type ApiFaults = z.output<typeof apiFaultsSchema>;

export interface FaultDecision {
  delayMs: number;
  drop: boolean;
  serverError: number | null;
  /** The status of an error answer echoing the request (`echoes`), if it applies. */
  echo: number | null;
  /** The rate window of the API, if it has one; `exceeded` only when a limit is enforced. */
  rate: RateState | null;
}

// ASA documents 10,000 requests per hour; its rate headers count against that even when no
// limit is enforced.
const asaDocumentedLimit = { requests: 10_000, windowMs: 3_600_000 };

interface ApiFaultState {
  faults: ApiFaults;
  random: () => number;
  window: RateWindow | null;
}

interface Targeted {
  methods?: readonly string[] | undefined;
  paths?: readonly string[] | undefined;
}

function applies(fault: Targeted, method: string, path: string): boolean {
  return (
    (fault.methods === undefined || fault.methods.includes(method)) &&
    (fault.paths === undefined || fault.paths.some((part) => path.includes(part)))
  );
}

/** Fault injection, reproducible: each API draws from its own generator seeded from one seed. */
export class FaultInjector {
  private config: Faults = {};
  private perApi = {} as Record<ApiName, ApiFaultState>;

  constructor(private readonly defaultSeed: number) {
    this.set({});
  }

  get current(): Faults {
    return this.config;
  }

  set(config: Faults): void {
    this.config = config;
    const seed = config.seed ?? this.defaultSeed;
    apiNames.forEach((api, index) => {
      const faults = { ...config.all, ...config[api] };
      // Stryker disable next-line ConditionalExpression: another API's unenforced window sends no headers (only ASA's routes do)
      const limit = faults.rateLimit ?? (api === "asa" ? asaDocumentedLimit : null);
      this.perApi[api] = {
        faults,
        // Stryker disable next-line ArithmeticOperator: any offset gives each API a reproducible sequence of its own
        random: seededRandom(seed + index * 0x9e3779b9),
        window: limit
          ? new RateWindow(limit.requests, limit.windowMs, faults.rateLimit !== undefined)
          : null,
      };
    });
  }

  decide(api: ApiName, now: number, method: string, path: string): FaultDecision {
    const { faults, random, window } = this.perApi[api];
    // Three draws on every request, whatever happens, so that a given seed and request sequence
    // always give the same faults.
    const jitterDraw = random();
    const dropDraw = random();
    const errorDraw = random();
    const latency = faults.latency;
    return {
      delayMs: latency ? latency.fixedMs + Math.round(jitterDraw * latency.jitterMs) : 0,
      drop:
        faults.drops !== undefined &&
        applies(faults.drops, method, path) &&
        // Stryker disable next-line EqualityOperator: a draw in [0, 1) equals the share with probability 0
        dropDraw < faults.drops.share,
      serverError:
        faults.serverErrors &&
        applies(faults.serverErrors, method, path) &&
        // Stryker disable next-line EqualityOperator: a draw in [0, 1) equals the share with probability 0
        errorDraw < faults.serverErrors.share
          ? faults.serverErrors.status
          : null,
      echo: faults.echoes && applies(faults.echoes, method, path) ? faults.echoes.status : null,
      rate: window?.hit(now) ?? null,
    };
  }
}
