import { request } from "undici";
import type { RunningEmulator } from "../../emulator";

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes
  body: any;
}

export interface CallOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  /** A raw body, sent as is. */
  body?: string;
}

/** One HTTP request; the body is parsed when it is JSON. */
export async function call(url: string, options: CallOptions = {}): Promise<Answer> {
  const headers = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(options.form).toString();
  }
  const response = await request(url, { method: options.method ?? "GET", headers, body });
  const text = await response.body.text();
  const isJson = String(response.headers["content-type"] ?? "").includes("json");
  return {
    status: response.statusCode,
    headers: response.headers,
    text,
    body: isJson && text ? JSON.parse(text) : undefined,
  };
}

export async function asaToken(emulator: RunningEmulator): Promise<string> {
  const { team, keyId, keySecret } = emulator.credentials.asa;
  const answer = await call(`${emulator.asaUrl}/v1/teams/${team}/service_token`, {
    method: "POST",
    json: { key_id: keyId, key_secret: keySecret },
  });
  if (answer.status !== 200) throw new Error(`ASA token: ${answer.status} ${answer.text}`);
  return answer.body.bearer_token;
}

/** A client of the demo team's ASA paths (`path` below `/v1/teams/<team>`). */
export async function asaClient(emulator: RunningEmulator) {
  const token = await asaToken(emulator);
  const base = `${emulator.asaUrl}/v1/teams/${emulator.credentials.asa.team}`;
  return (path: string, options: CallOptions = {}) =>
    call(path.startsWith("http") ? path : `${base}${path}`, {
      ...options,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
}

export function secureframeClient(emulator: RunningEmulator) {
  const { apiKey, apiSecret } = emulator.credentials.secureframe;
  return (path: string, options: CallOptions = {}) =>
    call(`${emulator.secureframeUrl}${path}`, {
      ...options,
      headers: { authorization: `${apiKey} ${apiSecret}`, ...options.headers },
    });
}

export async function scaikeyToken(emulator: RunningEmulator, scope?: string): Promise<string> {
  const { clientId, clientSecret, tenantSlug } = emulator.credentials.scaikey;
  const answer = await call(
    `${emulator.scaikeyUrl}/api/v1/auth/tenants/${tenantSlug}/oauth/token`,
    {
      method: "POST",
      form: {
        grant_type: "client_credentials",
        client_id: clientId,
        client_secret: clientSecret,
        ...(scope ? { scope } : {}),
      },
    },
  );
  if (answer.status !== 200) throw new Error(`ScaiKey token: ${answer.status} ${answer.text}`);
  return answer.body.access_token;
}

export async function scaikeyClient(emulator: RunningEmulator, scope?: string) {
  const token = await scaikeyToken(emulator, scope);
  return (path: string, options: CallOptions = {}) =>
    call(`${emulator.scaikeyUrl}${path}`, {
      ...options,
      headers: { authorization: `Bearer ${token}`, ...options.headers },
    });
}

type Kind = "null" | "array" | "object" | "string" | "number" | "boolean";
const kindOf = (value: unknown): Kind =>
  value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as Kind);

/**
 * Where `actual` differs from `expected` in keys or value types, recursively. Each item of an
 * expected array must have an actual item of the same shape. An empty expected object stands for
 * an object the seed shows collapsed, whose keys it does not give.
 */
export function shapeMismatches(expected: unknown, actual: unknown, path = "$"): string[] {
  const want = kindOf(expected);
  const got = kindOf(actual);
  if (want !== got) return [`${path}: expected ${want}, got ${got}`];
  if (want === "array") {
    const wanted = expected as unknown[];
    const items = actual as unknown[];
    return wanted.flatMap((item, i) => {
      if (items.some((candidate) => shapeMismatches(item, candidate).length === 0)) return [];
      const closest = items.length ? shapeMismatches(item, items[0], `${path}[0]`) : ["no items"];
      return [`${path}[${i}]: no item of the same shape (${closest.join("; ")})`];
    });
  }
  if (want === "object") {
    const wanted = expected as Record<string, unknown>;
    const object = actual as Record<string, unknown>;
    if (Object.keys(wanted).length === 0) return [];
    const missing = Object.keys(wanted).filter((key) => !(key in object));
    const extra = Object.keys(object).filter((key) => !(key in wanted));
    return [
      ...missing.map((key) => `${path}.${key}: missing`),
      ...extra.map((key) => `${path}.${key}: not in the seed`),
      ...Object.keys(wanted)
        .filter((key) => key in object)
        .flatMap((key) => shapeMismatches(wanted[key], object[key], `${path}.${key}`)),
    ];
  }
  return [];
}
