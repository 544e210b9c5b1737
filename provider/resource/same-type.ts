// Type-level proofs, run by `npm run typecheck` (tsc), never at run time: a public plain type of
// sdk/ and the zod schema the providers use describe the same values. Each sdk/<module>/types.ts
// holds its proofs beside its interfaces, as unexported types, which the published declarations
// leave out (with the zod import they need).
import type { z } from "zod";

type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** A value type with undefined dropped and its objects' fields compared the same way. */
type Plain<T> = T extends readonly (infer E)[]
  ? Plain<E>[]
  : T extends (...args: never[]) => unknown
    ? T
    : T extends object
      ? { [K in keyof T]-?: Plain<Exclude<T[K], undefined>> } & { __optional: OptionalKeys<T> }
      : T;

/**
 * True when both have the same keys, the same optional keys and the same value types (undefined
 * aside, which an optional key allows), at every depth.
 */
export type Same<A, B> = Equals<Plain<Exclude<A, undefined>>, Plain<Exclude<B, undefined>>>;

/** Compiles only when `T` is true: `type Proofs = [Check<Same<A, B>>, ...]`. */
export type Check<T extends true> = T;

/** What a spec's args schema takes, and what its outputs schema gives. */
export type SpecArgs<S extends { args: z.ZodType }> = z.input<S["args"]>;
export type SpecOutputs<S extends { outputs: z.ZodType }> = z.output<S["outputs"]>;

/** True when a resource's public arguments and outputs are its spec's. */
export type MatchesSpec<S extends { args: z.ZodType; outputs: z.ZodType }, Args, Outputs> =
  Same<Args, SpecArgs<S>> extends true ? Same<Outputs, SpecOutputs<S>> : false;
