import { z } from "zod";

// Query parameters read as FastAPI reads them with pydantic v2 (lax mode): each value is a string,
// converted to the declared type; one that does not convert is left as it is, so the schema's
// type check fails on it and errors.ts writes pydantic's `int_parsing` or `bool_parsing`.

const trueStrings = new Set(["1", "on", "t", "true", "y", "yes"]);
const falseStrings = new Set(["0", "off", "f", "false", "n", "no"]);

/** An `int` parameter: an optional sign and digits, spaces around allowed. */
export const queryInt = z.preprocess(
  (value) => (typeof value === "string" && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int(),
);

/** A `bool` parameter: pydantic's words for true and false, in any case. */
export const queryBool = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  const word = value.trim().toLowerCase();
  return trueStrings.has(word) ? true : falseStrings.has(word) ? false : value;
}, z.boolean());
