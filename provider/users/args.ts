import { z } from "zod";
import {
  type CheckOutcome,
  containsUnknown,
  type PropertyMap,
  quote,
  withFailure,
} from "../resource";

// Argument schemas shared by the user resources. Each message says what is wrong and how to fix
// it; check prefixes it with the property path.

export const restoreOnDeleteArg = z
  .boolean({
    error: (iss) =>
      `must be true (put back the values found at creation when the resource is deleted) or false (leave the user as it is), not ${quote(iss.input)}`,
  })
  .default(false);

export function booleanArg(meaning: string) {
  return z.boolean({
    error: (iss) =>
      iss.input === undefined
        ? `required: true or false (${meaning})`
        : `must be true or false (${meaning}), not ${quote(iss.input)}`,
  });
}

/** A text value; null clears it. */
export function textArg(example: string) {
  return z
    .string({
      error: (iss) =>
        `must be a string, e.g. ${quote(example)}, or null to clear it; not ${quote(iss.input)}`,
    })
    .nullable();
}

const email = z.email();

export function emailArg(example: string) {
  const bad = (input: unknown) =>
    input === null
      ? `cannot be null (the user keeps an email); give an address like ${quote(example)}`
      : `${quote(input)} is not an email address; give one like ${quote(example)}`;
  return (
    z
      .string({ error: (iss) => bad(iss.input) })
      // The string's error says what is wrong with an address that does not parse too.
      .refine((value) => email.safeParse(value.trim()).success)
      .transform((value) => value.trim())
  );
}

export interface UserRefOptions {
  /** The API's label, e.g. "Secureframe". */
  api: string;
  /** What an id looks like, for messages, e.g. `a UUID like "1c5b5e3c-..."`. */
  idForm: string;
  isId(value: string): boolean;
  emailExample: string;
}

/**
 * `user`: the user's id or email address. An email is looked up once, at creation, and the id
 * found is kept. Emails are compared in lower case, so they are stored that way.
 */
export function userRefArg(options: UserRefOptions) {
  const bad = (input: unknown) =>
    `${quote(input)} names no ${options.api} user; give the user's id (${options.idForm}) or email address (e.g. ${quote(options.emailExample)})`;
  return z
    .string({ error: (iss) => bad(iss.input) })
    .transform((value) => value.trim())
    .refine(
      (value) => (value.includes("@") ? email.safeParse(value).success : options.isId(value)),
      { error: (iss) => bad(iss.input) },
    )
    .transform((value) => (value.includes("@") ? value.toLowerCase() : value));
}

/** Same user when the same `user` is given, or the id an email was resolved to at creation. */
export function sameUserRef(olds: PropertyMap, news: PropertyMap): boolean {
  return news.user === olds.user || news.user === olds.userId;
}

/** A check failure unless at least one of `fields` (with values known) declares something. */
export function requireDeclared(
  outcome: CheckOutcome,
  declared: (inputs: PropertyMap) => number,
  fields: readonly string[],
  resource: string,
): CheckOutcome {
  // Stryker disable next-line MethodExpression: an unknown value is counted as declared below anyway
  if (fields.some((field) => containsUnknown(outcome.inputs[field]))) return outcome;
  // Stryker disable next-line StringLiteral: split always gives a first element
  if (outcome.failures.some((failure) => fields.includes(failure.property.split(/[.[]/)[0] ?? "")))
    return outcome;
  if (declared(outcome.inputs) > 0) return outcome;
  return withFailure(
    outcome,
    // Stryker disable next-line StringLiteral: every resource declares by one field at least
    fields[0] ?? "",
    `${resource} manages nothing; declare at least one of ${fields.join(", ")}`,
  );
}
