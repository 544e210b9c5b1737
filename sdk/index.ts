export * as diagnostics from "./diagnostics";
