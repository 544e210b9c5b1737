import { ApiError } from "../errors";
import type { TokenCache } from "./token-cache";
import type { CallRequest, CallResponse, Transport } from "./transport";

/**
 * Sends a call with the cached bearer token. Tokens "may expire at any time" (ASA's words): on a
 * 401 the token it was sent with is dropped, a new one fetched, and the call sent once more.
 */
export async function callWithBearer(
  transport: Transport,
  tokens: TokenCache,
  request: CallRequest,
): Promise<CallResponse> {
  const token = await tokens.get();
  try {
    return await transport.call(withToken(request, token));
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    tokens.invalidate(token);
    return transport.call(withToken(request, await tokens.get()));
  }
}

function withToken(request: CallRequest, token: string): CallRequest {
  return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
}
