export * from "./lookup-outputs";
export * from "./lookups";
export * from "./resources";
export type * from "./types";
