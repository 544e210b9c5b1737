export * from "./lookups";
export * from "./resources";
export type * from "./types";
