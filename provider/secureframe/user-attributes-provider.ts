import type * as pulumi from "@pulumi/pulumi";
import { isUnknown, withFailure } from "../resource";
import { requireDeclared } from "../users/args";
import { SETTABLE_EMPLOYEE_TYPES } from "./user-args";
import { ATTRIBUTE_NAMES, SecureframeUserAttributesArgs } from "./user-attributes-inputs";
import { secureframeUserProvider } from "./user-provider-base";
import { defaultSecureframeUserClients, type SecureframeUserClients } from "./user-target";

const RESOURCE = "secureframe.UserAttributes";

/** The provider of `secureframe.UserAttributes`; `clients` is injectable for tests. */
export function userAttributesProvider(
  clients: SecureframeUserClients = defaultSecureframeUserClients,
): pulumi.dynamic.ResourceProvider {
  return secureframeUserProvider({
    resource: RESOURCE,
    args: SecureframeUserAttributesArgs,
    fields: ATTRIBUTE_NAMES,
    clients,
    refine(checked) {
      const outcome = requireDeclared(
        checked,
        (inputs) => ATTRIBUTE_NAMES.filter((name) => inputs[name] !== undefined).length,
        ATTRIBUTE_NAMES,
        RESOURCE,
      );
      const { startDate, endDate } = outcome.inputs;
      if (
        typeof startDate === "string" &&
        typeof endDate === "string" &&
        !isUnknown(startDate) &&
        !isUnknown(endDate) &&
        outcome.failures.length === 0 &&
        Date.parse(endDate) < Date.parse(startDate)
      ) {
        return withFailure(
          outcome,
          "endDate",
          `${endDate} is before startDate ${startDate}; swap them or fix one`,
        );
      }
      return outcome;
    },
    // An update cannot clear the employee type (nor set one it does not know).
    unrestorable: (key, value) =>
      key === "employeeType" && !(SETTABLE_EMPLOYEE_TYPES as readonly unknown[]).includes(value)
        ? `Secureframe's API cannot set employee_type to ${JSON.stringify(value)}`
        : undefined,
  });
}

export const secureframeUserAttributesProvider = userAttributesProvider();
