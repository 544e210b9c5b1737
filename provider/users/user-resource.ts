import { isDeepStrictEqual } from "node:util";
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { API_LABELS, type ApiName, isApiError } from "../errors";
import {
  type CheckOutcome,
  changedProperties,
  checkInputs,
  forEngine,
  PartialFailure,
  type PropertyMap,
  programInputs,
  quote,
  withoutUndefined,
} from "../resource";
import {
  type ResourceKind,
  type ResourceSpec,
  resourceSpec,
  type SpecOptions,
} from "../resource/spec";
import { storedOutputs } from "../resource/stored-outputs";
import { requireDeclared } from "./args";

/**
 * A user's managed values, flat and camelCase: `firstName`, `status`, `customAttributes.employer`.
 * A value the user does not have is null.
 */
export type Values = Record<string, unknown>;

export interface Located<T> {
  /** The resource ID. */
  id: string;
  target: T;
  /** The user's current values, as `fetch` gives them. */
  current: Values;
}

export interface Change<T> {
  target: T;
  /** Only the values that differ from `current`. */
  changes: Values;
  current: Values;
  /** The resource's arguments; undefined when restoreOnDelete puts the original values back. */
  inputs?: PropertyMap;
}

/**
 * How one API's users are found, read and changed: shared by that API's user resources. `T` is
 * what the API calls need to reach the user (team and username, ids...). Values cover every field
 * of the API's user the package manages; each resource declares some of them.
 */
export interface UserAdapter<T> {
  api: ApiName;
  /** The arguments naming the user: another user means another resource (a replacement). */
  userFields: readonly string[];
  /** Fills in what a resource leaves out and the settings provide (ASA's team, ScaiKey's tenant). */
  withDefaults?(outcome: CheckOutcome): CheckOutcome;
  /** Whether the stored outputs and the new arguments name the same user. */
  sameUser(olds: PropertyMap, news: PropertyMap): boolean;
  /** Finds the user the arguments name (an email is resolved to an id here, once), to manage `fields`. */
  locate(inputs: PropertyMap, fields: readonly string[]): Promise<Located<T>>;
  /** The user of a stored resource, from its outputs or its ID. */
  targetOf(id: string, outputs: PropertyMap): T | undefined;
  /** Outputs besides the arguments (`userId`...). */
  outputsOf(target: T): PropertyMap;
  /** The user's current values, or undefined when the user is gone. */
  fetch(target: T): Promise<Values | undefined>;
  /** Sends the changes; answers the values after them when the API tells them, to be verified. */
  apply(change: Change<T>): Promise<Values | undefined>;
  describe(target: T): string;
}

/**
 * Which of its API's values one kind of user resource declares (its arguments are in its spec).
 * The resource never creates nor deletes the user: create and update change the declared values,
 * delete puts back the values found at creation when `restoreOnDelete` is true.
 */
export interface UserResource {
  /**
   * The arguments that declare values, each optional: check asks for at least one (a resource
   * that manages nothing is a mistake in the program).
   */
  declaredBy?: readonly string[];
  /** Checks after the schema's own and the adapter's defaults (cross-field rules). */
  refine?(outcome: CheckOutcome): CheckOutcome;
  /** The values declared by arguments (or by an `originalValues` fragment), flat. */
  declared(args: PropertyMap): Values;
  /** The argument-shaped fragment holding these values: the inverse of `declared`. */
  nest(values: Values): PropertyMap;
  /** Why a value found on the user could not be put back by restoreOnDelete, if so. */
  unrestorable?(key: string, value: unknown): string | undefined;
}

export function valueAt(values: Values, key: string): unknown {
  return values[key] ?? null;
}

function pick(values: Values, keys: readonly string[]): Values {
  return Object.fromEntries(keys.map((key) => [key, valueAt(values, key)]));
}

function differences(want: Values, current: Values): Values {
  return Object.fromEntries(
    Object.entries(want).filter(([key, value]) => !isDeepStrictEqual(valueAt(current, key), value)),
  );
}

function describeChanges(changes: Values, current: Values): string {
  return Object.entries(changes)
    .map(([key, value]) => `${key} ${quote(valueAt(current, key))} → ${quote(value)}`)
    .join(", ");
}

/** The API answered a change with the user as it was: some of it was not made. */
class ChangeNotMade extends Error {
  constructor(
    message: string,
    readonly after: Values,
  ) {
    super(message);
  }
}

/** Statuses by which an API says no to a change (as opposed to a missing user or an outage). */
const REFUSALS = new Set([400, 403, 409, 422]);

/**
 * The spec of a user resource: its provider is the generic one below over its API's adapter, and
 * `spec.provider(clients)` builds it over other clients (tests).
 */
export function userResourceSpec<Args extends z.ZodObject, Outputs extends z.ZodObject, C, T>(
  kind: ResourceKind,
  args: Args,
  outputs: Outputs,
  adapter: (clients?: C) => UserAdapter<T>,
  resource: UserResource,
  options?: SpecOptions,
) {
  const provider = (clients?: C): pulumi.dynamic.ResourceProvider =>
    userResourceProvider(spec, resource, adapter(clients));
  const spec = resourceSpec(kind, args, outputs, provider, options);
  return spec;
}

/** The provider of one kind of user resource, through its API's adapter. */
function userResourceProvider<T>(
  { label: resourceLabel, args: argsSchema, outputs: outputsSchema }: ResourceSpec,
  resource: UserResource,
  adapter: UserAdapter<T>,
): pulumi.dynamic.ResourceProvider {
  const spec = { ...adapter, ...resource, resource: resourceLabel };
  const argFields = Object.keys(argsSchema.shape);
  const label = API_LABELS[spec.api];
  /** The stored outputs, each as the outputs schema reads it. */
  const outputsOf = (props: PropertyMap | undefined): PropertyMap =>
    storedOutputs(outputsSchema, props);

  function outputs(inputs: PropertyMap, target: T, original: Values): PropertyMap {
    return withoutUndefined({
      ...inputs,
      ...spec.outputsOf(target),
      originalValues: spec.nest(original),
    });
  }

  function refuseUnrestorable(inputs: PropertyMap, target: T, original: Values): void {
    if (inputs.restoreOnDelete !== true || !spec.unrestorable) return;
    for (const [key, value] of Object.entries(original)) {
      const why = spec.unrestorable(key, value);
      if (why) {
        throw new Error(
          `${spec.resource}: restoreOnDelete could not put back ${key} ${quote(value)} found on ${spec.describe(target)}: ${why}; remove restoreOnDelete to manage it without putting it back.`,
        );
      }
    }
  }

  /** Applies the differences; answers the values after them when the API tells them. */
  async function applyChanges(
    target: T,
    want: Values,
    current: Values,
    inputs?: PropertyMap,
  ): Promise<Values | undefined> {
    const changes = differences(want, current);
    if (Object.keys(changes).length === 0) return undefined;
    let after: Values | undefined;
    try {
      after = await spec.apply({ target, changes, current, ...(inputs ? { inputs } : {}) });
    } catch (err) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: narrows the type; only ApiErrors carry a status
      if (isApiError(err) && err.status !== undefined && REFUSALS.has(err.status)) {
        throw new Error(
          `${label} refused to change ${spec.describe(target)} (${describeChanges(changes, current)}): HTTP ${err.status}${err.apiMessage ? `, "${err.apiMessage}"` : ""}`,
          { cause: err },
        );
      }
      throw err;
    }
    if (!after) return undefined;
    const ignored = Object.keys(changes).filter(
      (key) => !isDeepStrictEqual(valueAt(after, key), changes[key]),
    );
    if (ignored.length > 0) {
      const kept = ignored.map((key) => `${key} is ${quote(valueAt(after, key))}`).join(", ");
      throw new ChangeNotMade(
        `${label} accepted the change of ${spec.describe(target)} (${describeChanges(changes, current)}) but did not make it: ${kept}. The API may allow this change only in some cases; change it in ${label} or remove it from the program.`,
        after,
      );
    }
    return after;
  }

  const countDeclared = (inputs: PropertyMap) =>
    // Stryker disable next-line MethodExpression,ConditionalExpression: the engine sends no undefined inputs
    Object.values(resource.declared(inputs)).filter((value) => value !== undefined).length;

  return {
    async check(_olds, news) {
      const checked = checkInputs(argsSchema, news, { resource: spec.resource });
      const outcome = adapter.withDefaults ? adapter.withDefaults(checked) : checked;
      const declaring = resource.declaredBy
        ? requireDeclared(outcome, countDeclared, resource.declaredBy, spec.resource)
        : outcome;
      return forEngine(resource.refine ? resource.refine(declaring) : declaring);
    },

    async diff(_id, olds, news) {
      const given = programInputs(news);
      // A user field not known yet never equals the stored one, so sameUser is false for it.
      if (!spec.sameUser(olds, given)) {
        // Delete first: with restoreOnDelete, the old resource puts its user back before the
        // new one records that user's values (the same user, named another way).
        const replaces = changedProperties(olds, given, { compare: spec.userFields });
        return { changes: true, replaces, deleteBeforeReplace: true };
      }
      const changed = changedProperties(olds, given, { compare: argFields });
      return { changes: changed.length > 0, replaces: [], deleteBeforeReplace: false };
    },

    async create(news) {
      const inputs = programInputs(news);
      const want = spec.declared(inputs);
      const { id, target, current } = await spec.locate(inputs, Object.keys(want));
      const original = pick(current, Object.keys(want));
      refuseUnrestorable(inputs, target, original);
      try {
        await applyChanges(target, want, current, inputs);
      } catch (err) {
        if (!(err instanceof ChangeNotMade)) throw err;
        // Other values of the same call may have been made: the resource stays in state with
        // what the user has now, and what was found, so refresh, up and delete work from there.
        const now = spec.nest(pick(err.after, Object.keys(want)));
        throw new PartialFailure(
          err.message,
          id,
          outputs({ ...inputs, ...now }, target, original),
          news,
        );
      }
      return { id, outs: outputs(inputs, target, original) };
    },

    async read(id, props) {
      const stored = outputsOf(props);
      const target = spec.targetOf(id, stored);
      if (target === undefined) return {};
      const current = await spec.fetch(target);
      if (!current) return {};
      // Only the declared values are read back: a change to any other is not drift.
      const now = spec.nest(pick(current, Object.keys(spec.declared(stored))));
      const args = Object.fromEntries(argFields.map((k) => [k, stored[k]]));
      return {
        id,
        props: withoutUndefined({ ...programInputs(props ?? {}), ...now }),
        inputs: withoutUndefined({ ...args, ...now }),
      };
    },

    async update(id, storedOlds, news) {
      const olds = outputsOf(storedOlds);
      const inputs = programInputs(news);
      const target = spec.targetOf(id, olds);
      if (target === undefined)
        throw new Error(
          `${spec.resource} ${id}: the stored state names no user; replace the resource.`,
        );
      const current = await spec.fetch(target);
      if (!current) {
        throw new Error(
          `${spec.describe(target)} no longer exists; run \`pulumi refresh\` to drop ${spec.resource} from the stack, then \`pulumi up\`.`,
        );
      }
      const want = spec.declared(inputs);
      const before = spec.declared((olds.originalValues as PropertyMap | undefined) ?? {});
      // Values declared since creation are recorded as they are before this update changes them.
      const original = Object.fromEntries(
        Object.keys(want).map((key) => [key, key in before ? before[key] : valueAt(current, key)]),
      );
      refuseUnrestorable(inputs, target, original);
      await applyChanges(target, want, current, inputs);
      return { outs: outputs(inputs, target, original) };
    },

    async delete(id, storedProps) {
      const props = outputsOf(storedProps);
      if (props.restoreOnDelete !== true) return;
      const target = spec.targetOf(id, props);
      if (target === undefined) return;
      const current = await spec.fetch(target);
      if (!current) return;
      const original = spec.declared((props.originalValues as PropertyMap | undefined) ?? {});
      await applyChanges(target, original, current);
    },
  };
}
