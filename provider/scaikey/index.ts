export { type CreateOptions, ScaiKeyClient, type ScaiKeyClientOptions } from "./client";
export * from "./schemas";
