export * as asa from "./asa";
export * as diagnostics from "./diagnostics";
