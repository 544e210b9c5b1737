export { ProviderCheck } from "./provider-check";
