import { z } from "zod";
import { InputError } from "../errors";
import { parseJson, type ResourceState } from "./preview-json";

const exported = z.looseObject({
  deployment: z.looseObject({
    resources: z
      .array(
        z.looseObject({
          urn: z.string(),
          type: z.string(),
          inputs: z.record(z.string(), z.unknown()).nullish(),
          outputs: z.record(z.string(), z.unknown()).nullish(),
        }),
      )
      .nullish(),
  }),
});

const EXPECTED =
  "the output of `pulumi stack export` (e.g. `pulumi stack export --file state.json`)";

/** The resources of a `pulumi stack export`: what the review reads about resources a preview leaves out. */
export function parseStateExport(text: string, source: string): ResourceState[] {
  const parsed = exported.safeParse(parseJson(text, source, EXPECTED));
  if (!parsed.success) {
    throw new InputError(
      `${source} is JSON but not \`pulumi stack export\` output (it has no "deployment"). Give ${EXPECTED}.`,
    );
  }
  return (parsed.data.deployment.resources ?? []).map((resource) => ({
    urn: resource.urn,
    type: resource.type,
    inputs: resource.inputs ?? {},
    outputs: resource.outputs ?? {},
  }));
}
