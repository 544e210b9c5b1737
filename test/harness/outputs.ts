import type * as pulumi from "@pulumi/pulumi";

export interface Settled<T> {
  /** undefined when the Output is not known (a preview). */
  value: T;
  known: boolean;
  secret: boolean;
}

/** What an Output holds, whether it is known and whether it is secret, as a program would see them. */
export function settled<T>(output: pulumi.Output<T>): Promise<Settled<T>> {
  const internal = output as unknown as { isKnown: Promise<boolean>; isSecret: Promise<boolean> };
  return new Promise((resolve, reject) => {
    Promise.all([internal.isKnown, internal.isSecret])
      .then(([known, secret]) => {
        if (!known) resolve({ value: undefined as T, known, secret });
        else output.apply((value) => resolve({ value, known, secret }));
      })
      .catch(reject);
  });
}
