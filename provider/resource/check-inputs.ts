import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { formatIssuePath } from "../transport/check-input";
import { unknownNameHint } from "./did-you-mean";
import { containsUnknown } from "./unknown";

/** A resource's properties by name: its inputs or its outputs, as the engine hands them over. */
export type PropertyMap = Record<string, unknown>;

export interface CheckOutcome {
  inputs: PropertyMap;
  failures: pulumi.dynamic.CheckFailure[];
}

/** The arguments a program passed, without the engine's own keys (`__provider`, ...). */
export function programInputs(news: PropertyMap): PropertyMap {
  return Object.fromEntries(Object.entries(news).filter(([key]) => !key.startsWith("__")));
}

/**
 * Validates and normalises a resource's inputs with a zod object schema whose messages say what
 * is wrong and how to fix it. Each failure names the exact property path (`members[3]`), and its
 * reason starts with that path, so it reads on its own wherever it is shown.
 *
 * A property holding the engine's unknown value anywhere (a preview, waiting on another resource)
 * is passed through as it is and not checked: the engine checks again once it is known.
 */
export function checkInputs(
  schema: z.ZodObject,
  news: PropertyMap,
  options: { resource: string },
): CheckOutcome {
  const given = programInputs(news);
  const pending = Object.keys(given).filter((key) => containsUnknown(given[key]));
  const known = Object.fromEntries(Object.entries(given).filter(([key]) => !pending.includes(key)));
  const declared = Object.keys(schema.shape);
  const mask = Object.fromEntries(
    pending.filter((key) => declared.includes(key)).map((key) => [key, true]),
  );
  const checked = schema.omit(mask as never);
  const result = checked.safeParse(known);
  const passedThrough = Object.fromEntries(pending.map((key) => [key, given[key]]));
  if (result.success) return { inputs: { ...result.data, ...passedThrough }, failures: [] };

  const failures = result.error.issues.flatMap((issue): pulumi.dynamic.CheckFailure[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        property: key,
        reason: `${key}: ${options.resource} has no argument "${key}"; ${unknownNameHint(key, declared, "arguments")}`,
      }));
    }
    const property = formatIssuePath(issue.path);
    return [{ property, reason: property ? `${property}: ${issue.message}` : issue.message }];
  });
  return { inputs: given, failures };
}

/** The outcome with one more failure, its reason prefixed with the property path. */
export function withFailure(
  outcome: CheckOutcome,
  property: string,
  message: string,
): CheckOutcome {
  const reason = property ? `${property}: ${message}` : message;
  return { ...outcome, failures: [...outcome.failures, { property, reason }] };
}

/**
 * The check result to hand the engine. The CLI prints a failure with a property as
 * `property <p> value <inputs[p]> has a problem: <reason>`, looking `p` up as a top-level key
 * only: a path like `members[3]` shows as `value {<nil>}`, and the path appears twice. The reasons
 * already start with the path, so the engine gets them without one:
 * `resource 'm' has a problem: members[3]: "" is not a username; ...`.
 */
export function forEngine(outcome: CheckOutcome): CheckOutcome {
  return {
    inputs: outcome.inputs,
    failures: outcome.failures.map((failure) => ({ property: "", reason: failure.reason })),
  };
}

/** `JSON.stringify` for values quoted in messages, cut short so a huge value stays readable. */
export function quote(value: unknown): string {
  const text = value === undefined ? "undefined" : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
