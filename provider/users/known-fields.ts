import { z } from "zod";
import { quote } from "../resource";
import { unknownNameHint } from "../resource/did-you-mean";

/**
 * An object with only the given fields. Unlike a strict object, a field it does not know is
 * reported at its own path (`details.middleName`) with the fields it does know.
 */
export function knownFields<S extends z.core.$ZodLooseShape>(
  shape: S,
  what: string,
): z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>> {
  const known = Object.keys(shape);
  const schema = z
    .object(shape, {
      error: (iss) =>
        iss.input === undefined
          ? `required: ${what}, e.g. { ${known[0]}: ... }`
          : `must be ${what}, e.g. { ${known[0]}: ... }, not ${quote(iss.input)}`,
    })
    .loose()
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `unknown field; ${unknownNameHint(key, known, "fields")}`,
        });
      }
    });
  // Typed without the loose object's index signature: other fields only ever fail.
  return schema as unknown as z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>>;
}
