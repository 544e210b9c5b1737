import { ApiError } from "../errors";
import { type IssuedToken, TokenCache, tokenCache } from "./token-cache";
import {
  type CallRequest,
  type CallResponse,
  type ClientTransportOptions,
  Transport,
  type TransportOptions,
  transportOptionsOf,
} from "./transport";

export interface BearerSessionOptions extends Omit<TransportOptions, "secrets"> {
  /** The credential the tokens are issued for, scrubbed (with the token) from anything an error carries. */
  secrets: readonly string[];
  /** The token cache to share: one per credential, across every client of the process. */
  tokenKey: string;
  /** Exchanges the credential for a token (through this session's transport, without a token). */
  issueToken(transport: Transport): Promise<IssuedToken>;
  /** How long before its expiry a token is renewed. */
  renewBeforeMs: number;
}

/**
 * A transport whose calls carry a bearer token, issued from a credential and renewed before it
 * expires (ASA's service tokens, ScaiKey's client-credentials tokens).
 */
export class BearerSession {
  readonly transport: Transport;
  private readonly tokens: TokenCache;

  /** `given`: the options a client was given, of which the transport's are kept. */
  constructor(given: ClientTransportOptions, options: BearerSessionOptions) {
    const { secrets, tokenKey, issueToken, renewBeforeMs, ...transportOptions } = options;
    const transport = new Transport({
      ...transportOptionsOf(given),
      ...transportOptions,
      secrets: () => [...secrets, this.tokens.peek()],
    });
    this.transport = transport;
    this.tokens = tokenCache(
      tokenKey,
      () => new TokenCache(() => issueToken(transport), transport.clock, renewBeforeMs),
    );
  }

  /** Token exchanges made for this credential in this process (shared with other sessions). */
  get tokenExchanges(): number {
    return this.tokens.exchanges;
  }

  /**
   * Sends a call with the cached token. Tokens "may expire at any time" (ASA's words): on a 401
   * the token it was sent with is dropped, a new one fetched, and the call sent once more.
   */
  async call(request: CallRequest): Promise<CallResponse> {
    const token = await this.tokens.get();
    try {
      return await this.transport.call(withToken(request, token));
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      this.tokens.invalidate(token);
      return this.transport.call(withToken(request, await this.tokens.get()));
    }
  }
}

function withToken(request: CallRequest, token: string): CallRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
