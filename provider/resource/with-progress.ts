import type * as pulumi from "@pulumi/pulumi";
import { withProgress } from "../progress/context";
import { ResourceProgress } from "../progress/resource-progress";
import type { PropertyMap } from "./check-inputs";

/**
 * The hidden input holding the resource's URN, computed by the program (`sdk/identity-resource.ts`):
 * the dynamic-provider host does not tell providers which resource they work on, and the engine's
 * Log service needs the URN to put a message on the resource's row. Echoed into the outputs so
 * that reads and deletes, which get only the stored outputs, have it too. Keys starting with `__`
 * are hidden from previews and never compared by the diffs.
 */
export const URN_KEY = "__urn";

function urnOf(values: PropertyMap | undefined): string {
  const urn = values?.[URN_KEY];
  // In a preview it may be the engine's unknown value, which names no resource.
  return typeof urn === "string" && urn.startsWith("urn:pulumi:") ? urn : "";
}

function withUrn<T extends PropertyMap | undefined>(values: T, from: PropertyMap | undefined): T {
  const urn = from?.[URN_KEY];
  return urn !== undefined && values ? { ...values, [URN_KEY]: urn } : values;
}

/**
 * Runs each method of `provider` with the progress of its resource (waits and long changes show
 * on the resource's row), and keeps the URN in the inputs and outputs it returns.
 */
export function withResourceProgress(
  label: string,
  provider: pulumi.dynamic.ResourceProvider,
): pulumi.dynamic.ResourceProvider {
  async function run<T>(values: PropertyMap | undefined, id: string, call: () => Promise<T>) {
    const urn = urnOf(values);
    // On the Stack row (no URN: state written before URNs were kept), the message names the resource.
    const progress = new ResourceProgress(urn, urn ? label : `${label} ${id}`.trim());
    try {
      return await withProgress(progress, call);
    } finally {
      progress.finish();
    }
  }
  function keepUrnOnFailure(err: unknown, inputs: PropertyMap): never {
    const properties = (err as { properties?: PropertyMap }).properties;
    if (properties) (err as { properties?: PropertyMap }).properties = withUrn(properties, inputs);
    throw err;
  }

  const wrapped: pulumi.dynamic.ResourceProvider = {
    async check(olds, news) {
      const result = await run(news, "", () =>
        provider.check ? provider.check(olds, news) : Promise.resolve({ inputs: news }),
      );
      return { ...result, inputs: withUrn(result.inputs, news) };
    },
    async create(inputs) {
      return run(inputs, "", async () => {
        const result = await provider.create(inputs).catch((err) => keepUrnOnFailure(err, inputs));
        return { ...result, outs: withUrn(result.outs ?? {}, inputs) };
      });
    },
  };
  if (provider.diff) wrapped.diff = provider.diff.bind(provider);
  if (provider.read) {
    const read = provider.read.bind(provider);
    wrapped.read = (id, props) =>
      run(props, id, async () => {
        const result = await read(id, props);
        if (!result.id) return result;
        return {
          ...result,
          props: withUrn(result.props, props),
          ...(result.inputs ? { inputs: withUrn(result.inputs, props) } : {}),
        };
      });
  }
  if (provider.update) {
    const update = provider.update.bind(provider);
    wrapped.update = (id, olds, news) =>
      run(news, id, async () => {
        const result = await update(id, olds, news).catch((err) => keepUrnOnFailure(err, news));
        return { ...result, outs: withUrn(result.outs ?? {}, news) };
      });
  }
  if (provider.delete) {
    const remove = provider.delete.bind(provider);
    wrapped.delete = (id, props) => run(props, id, () => remove(id, props));
  }
  return wrapped;
}
