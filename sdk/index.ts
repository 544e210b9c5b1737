export * as asa from "./asa";
export * as diagnostics from "./diagnostics";
export * as scaikey from "./scaikey";
export * as secureframe from "./secureframe";
