import type { Values } from "./user-resource";

/**
 * A user's fields under this package's names and the API's, in one table (`{ firstName:
 * "first_name" }`): what the user adapters read from the API's users and send back to it.
 */
export class FieldMap<Name extends string, ApiName extends string> {
  readonly names: readonly Name[];

  constructor(private readonly apiNames: Readonly<Record<Name, ApiName>>) {
    this.names = Object.keys(apiNames) as Name[];
  }

  has(name: string): name is Name {
    return Object.hasOwn(this.apiNames, name);
  }

  /** The fields of an API object under our names; a field it lacks is null. */
  valuesOf(apiObject: Partial<Record<ApiName, unknown>> | null | undefined): Values {
    return Object.fromEntries(
      this.names.map((name) => [name, apiObject?.[this.apiNames[name]] ?? null]),
    );
  }

  /** `values` of our fields under the API's names; values of other names are left out. */
  toApi(values: Values): Partial<Record<ApiName, unknown>> {
    return Object.fromEntries(
      Object.entries(values).flatMap(([name, value]) =>
        this.has(name) ? [[this.apiNames[name], value]] : [],
      ),
    ) as Partial<Record<ApiName, unknown>>;
  }

  /** The fields `args` gives a value (a field left undefined is not declared). */
  declaredIn(args: Values): Values {
    return Object.fromEntries(
      this.names.filter((name) => args[name] !== undefined).map((name) => [name, args[name]]),
    );
  }
}
