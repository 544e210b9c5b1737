export {
  ASA_DEFAULT_BASE_URL,
  AsaClient,
  type AsaClientOptions,
  type CreateOptions,
} from "./client";
export * from "./schemas";
