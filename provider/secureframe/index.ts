export {
  type ListUsersOptions,
  luceneQuote,
  SECUREFRAME_DEFAULT_BASE_URL,
  SecureframeClient,
  type SecureframeClientOptions,
} from "./client";
export * from "./schemas";
