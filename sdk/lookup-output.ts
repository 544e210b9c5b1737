import * as pulumi from "@pulumi/pulumi";

/** A lookup's options as an Output form takes them: each field, or the whole object, an Input. */
export type InputOptions<O> = pulumi.Input<{ [K in keyof O]?: pulumi.Input<O[K]> }>;

/** A lookup's argument as its Output form takes it: an Input, an options object field by field. */
export type InputArgument<T> = T extends object ? InputOptions<T> : pulumi.Input<T>;

/**
 * The Output form of a lookup, as Pulumi's own packages pair `getX` with `getXOutput`: it waits
 * for its arguments, calls the lookup once they are all known (in a preview where one is unknown,
 * the result is unknown and the lookup is not called), and the result is secret when any argument
 * is (a secret credential given as an Output included).
 */
export function outputForm<A extends unknown[], R>(
  lookup: (...args: A) => Promise<R>,
): (...args: { [K in keyof A]: InputArgument<A[K]> }) => pulumi.Output<R> {
  return (...args) =>
    pulumi
      .all(args as unknown[])
      .apply((known) => lookup(...(known as unknown as A))) as pulumi.Output<R>;
}
