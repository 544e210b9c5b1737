import type { FastifyInstance } from "fastify";
import type { z } from "zod";
import { ApiError, messageOf, statusOf } from "../api-error";

/** One entry of FastAPI's 422 `HTTPValidationError.detail`. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** pydantic's issue for a required field left out. */
export function missingField(...loc: ValidationIssue["loc"]): ValidationIssue {
  return { loc, msg: "Field required", type: "missing" };
}

/** pydantic v2's error for a value of the wrong type: its `type` code and message. */
function typeError(
  expected: string,
  value: unknown,
  topLevel: boolean,
): Omit<ValidationIssue, "loc"> {
  switch (expected) {
    case "number":
    case "int":
      // A string (every query value) that is not a whole number, a JSON number with a fraction.
      if (typeof value === "string")
        return {
          type: "int_parsing",
          msg: "Input should be a valid integer, unable to parse string as an integer",
        };
      if (typeof value === "number")
        return {
          type: "int_from_float",
          msg: "Input should be a valid integer, got a number with a fractional part",
        };
      return { type: "int_type", msg: "Input should be a valid integer" };
    case "boolean":
      return typeof value === "string" || typeof value === "number"
        ? {
            type: "bool_parsing",
            msg: "Input should be a valid boolean, unable to interpret input",
          }
        : { type: "bool_type", msg: "Input should be a valid boolean" };
    case "array":
      return { type: "list_type", msg: "Input should be a valid list" };
    case "object":
    case "record":
      // A whole body is a model; a field such as custom_attributes a dict.
      return topLevel
        ? {
            type: "model_attributes_type",
            msg: "Input should be a valid dictionary or object to extract fields from",
          }
        : { type: "dict_type", msg: "Input should be a valid dictionary" };
    default:
      return { type: `${expected}_type`, msg: `Input should be a valid ${expected}` };
  }
}

/** pydantic's list of choices: 'a', 'b' or 'c'. */
function choices(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length < 2
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

// Zod issues written the way pydantic v2 writes them.
function toIssue(issue: z.core.$ZodIssue, where: string, input: unknown): ValidationIssue {
  const loc = [where, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))];
  const value = valueAt(input, issue.path);
  // A required field left out, whatever its type (an enum's check says invalid_value).
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && value === undefined)
    return missingField(...loc);
  switch (issue.code) {
    case "invalid_type":
      return { loc, ...typeError(issue.expected, value, issue.path.length === 0) };
    case "invalid_value":
      return { loc, msg: `Input should be ${choices(issue.values)}`, type: "enum" };
    case "invalid_format":
      return {
        loc,
        msg: issue.format === "email" ? "value is not a valid email address" : issue.message,
        type: "value_error",
      };
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const bound = String(big ? issue.maximum : issue.minimum);
      return issue.origin === "string"
        ? {
            loc,
            msg: `String should have at ${big ? "most" : "least"} ${bound} characters`,
            type: big ? "string_too_long" : "string_too_short",
          }
        : {
            loc,
            msg: `Input should be ${big ? "less" : "greater"} than or equal to ${bound}`,
            type: big ? "less_than_equal" : "greater_than_equal",
          };
    }
    default:
      return { loc, msg: issue.message, type: "value_error" };
  }
}

export function validationError(issues: ValidationIssue[]): ApiError {
  return new ApiError(422, "validation error", "validation", issues);
}

/** Parses a body or query, or answers 422 as FastAPI does. */
export function parseScaikey<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: "body" | "query",
): z.output<T> {
  if (where === "body" && (input === undefined || input === null))
    throw validationError([missingField("body")]);
  const result = schema.safeParse(input);
  if (!result.success)
    throw validationError(result.error.issues.map((i) => toIssue(i, where, input)));
  return result.data;
}

/** FastAPI's error bodies: `{"detail": "..."}`, or `{"detail": [issues]}` for a 422. */
export function useScaikeyErrors(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiError && error.kind === "invalid_json")
      return reply.code(422).send({
        detail: [{ loc: ["body", 0], msg: "JSON decode error", type: "json_invalid" }],
      });
    if (error instanceof ApiError && error.kind === "validation")
      return reply.code(422).send({ detail: error.details });
    const status = statusOf(error);
    if (status === 401) reply.header("WWW-Authenticate", "Bearer");
    const detail = messageOf(error, "Internal Server Error");
    return reply.code(status).send({ detail });
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ detail: "Not Found" });
  });
}
