export { BearerSession } from "./bearer";
export { checkInput, formatIssuePath } from "./check-input";
export { type Clock, scaledClock, systemClock } from "./clock";
export { parseLinkHeader } from "./link-header";
export { closeAllPools } from "./pools";
export { ApiRateLimiter, forgetRateLimiters } from "./rate-limiter";
export { backoffMs, nextWait, retryVerdict, serverWait } from "./retry-policy";
export {
  DEFAULT_CONNECTIONS,
  DEFAULT_RATE_LIMITS,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUTS,
  parseRateLimit,
  type RateLimit,
  type RetryPolicy,
  resolveSettings,
  type Timeouts,
  type TransportOverrides,
  type TransportSettings,
} from "./settings";
export { fingerprint, forgetTokens, type IssuedToken, TokenCache, tokenCache } from "./token-cache";
export {
  type CallRequest,
  type CallResponse,
  type ClientTransportOptions,
  type ErrorBodyFields,
  type HttpMethod,
  type QueryValue,
  type RetryEvent,
  Transport,
  type TransportOptions,
  transportOptionsOf,
} from "./transport";
