// Type-level checks, run by `npm run typecheck` (tsc): a public plain type and the zod schema the
// providers use describe the same values. `Same<A, B>` is true when both have the same keys, the
// same optional keys and the same value types (undefined aside, which an optional key allows),
// at every depth.

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

export type Same<A, B> = Equals<Plain<Exclude<A, undefined>>, Plain<Exclude<B, undefined>>>;

/** Compiles only when `T` is true: `const _ok: Check<Same<A, B>> = true;` */
export type Check<T extends true> = T;
