import { z } from "zod";
import { InputError } from "../errors";

/** A resource as a preview step or a stack export shows it. */
export interface ResourceState {
  urn: string;
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** A step of the plan: what `up` would do to one resource. */
export interface PlanStep {
  op: string;
  urn: string;
  old?: ResourceState;
  new?: ResourceState;
}

export interface Preview {
  /** The plan's steps, refreshes apart. */
  steps: PlanStep[];
  /** Every resource's state as read by `--refresh`, when the preview had it. */
  refreshed: ResourceState[];
  /** The preview's errors: when there is one, the preview failed and nothing would be applied. */
  errors: string[];
  stack?: string;
  project?: string;
}

const record = z.record(z.string(), z.unknown());
const state = z.looseObject({
  urn: z.string().optional(),
  type: z.string(),
  inputs: record.nullish(),
  outputs: record.nullish(),
});
const step = z.looseObject({
  op: z.string(),
  urn: z.string(),
  oldState: state.nullish(),
  newState: state.nullish(),
});
const previewJson = z.looseObject({
  steps: z.array(step).nullish(),
  diagnostics: z
    .array(z.looseObject({ message: z.string().optional(), severity: z.string().optional() }))
    .nullish(),
  changeSummary: record.nullish(),
});

function resourceState(urn: string, value: z.infer<typeof state> | null | undefined) {
  if (!value) return undefined;
  return {
    urn: value.urn ?? urn,
    type: value.type,
    inputs: value.inputs ?? {},
    outputs: value.outputs ?? {},
  };
}

function withOld(now: ResourceState, old: ResourceState): ResourceState {
  const outputs = Object.keys(now.outputs).length > 0 ? now.outputs : old.outputs;
  return { ...now, inputs: { ...old.inputs, ...now.inputs }, outputs };
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` → its stack and project. */
function stackOf(urn: string | undefined): { stack?: string; project?: string } {
  const match = urn ? /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn) : null;
  return match ? { stack: match[1], project: match[2] } : {};
}

/** Parses JSON text, or says which input it is and how to give a good one. */
export function parseJson(text: string, source: string, expected: string): unknown {
  if (text.trim() === "") throw new InputError(`${source} is empty; give ${expected}.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source} is not JSON (${(error as Error).message}); give ${expected}.`);
  }
}

const EXPECTED =
  "the output of `pulumi preview --json` (e.g. `pulumi preview --json > preview.json`)";

/** The output of `pulumi preview --json`, checked: anything else is an InputError saying what it is. */
export function parsePreview(text: string, source: string): Preview {
  const json = parseJson(text, source, EXPECTED);
  const parsed = previewJson.safeParse(json);
  const looksLikeExport = typeof json === "object" && json !== null && "deployment" in json;
  if (!parsed.success || (!parsed.data.steps && !parsed.data.diagnostics)) {
    const hint = looksLikeExport
      ? " It looks like `pulumi stack export` output: give that with --state."
      : "";
    throw new InputError(
      `${source} is JSON but not \`pulumi preview --json\` output (it has no "steps" list).${hint} Give ${EXPECTED}.`,
    );
  }
  const steps = parsed.data.steps ?? [];
  const plan: PlanStep[] = [];
  const refreshed: ResourceState[] = [];
  for (const { op, urn, oldState, newState } of steps) {
    const old = resourceState(urn, oldState);
    const now = resourceState(urn, newState);
    if (op === "refresh") {
      // With --run-program the CLI's refresh steps carry a thinner new state (no outputs, inputs
      // without the ones the provider filled in, such as team): what it leaves out is as before.
      if (now) refreshed.push(old ? withOld(now, old) : now);
      continue;
    }
    plan.push({ op, urn, ...(old ? { old } : {}), ...(now ? { new: now } : {}) });
  }
  const errors = (parsed.data.diagnostics ?? [])
    .filter((d) => d.severity === "error" && d.message)
    .map((d) => (d.message as string).replace(/^error: /, "").trim());
  return { steps: plan, refreshed, errors, ...stackOf(steps[0]?.urn) };
}
