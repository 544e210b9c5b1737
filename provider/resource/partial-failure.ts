import type { PropertyMap } from "./check-inputs";

/**
 * Thrown from create or update when only part of the change was applied. The dynamic-provider
 * host records it as a partial failure: the resource stays in state with this `id` and these
 * `properties` as its outputs, so state tells the truth and the next `pulumi up` finishes the job.
 *
 * The host does not add `__provider` to an error's properties, and later read and delete calls
 * load the provider from the stored outputs: it is copied from the inputs here. The engine prints
 * only an init failure's `reasons` (without them the user sees "resource init failed" and nothing
 * else), so the message is the one reason.
 */
export class PartialFailure extends Error {
  override name = "PartialFailure";
  readonly properties: PropertyMap;
  readonly reasons: string[];

  constructor(
    message: string,
    readonly id: string,
    outputs: PropertyMap,
    inputs: PropertyMap,
  ) {
    super(message);
    this.reasons = [message];
    this.properties = { ...outputs, __provider: inputs.__provider };
  }
}
