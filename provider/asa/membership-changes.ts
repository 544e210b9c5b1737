import { isNotFound } from "../errors";
import { currentProgress } from "../progress/context";
import type { AsaClient } from "./client";
import type { MembershipPlan } from "./membership-plan";

export type MembershipWriter = Pick<AsaClient, "addUserToGroup" | "removeUserFromGroup">;

export interface ChangeFailure {
  action: "add" | "remove";
  name: string;
  error: Error;
}

export interface ChangeOutcome {
  added: string[];
  removed: string[];
  failures: ChangeFailure[];
}

/**
 * Sends every add and remove of the plan at once; the transport limits how many are in flight.
 * Removing someone already out (404) counts as done. Every failure is kept, none is swallowed.
 */
export async function applyPlan(
  client: MembershipWriter,
  group: string,
  plan: MembershipPlan,
): Promise<ChangeOutcome> {
  const calls = [
    ...plan.toAdd.list().map((name) => ({
      action: "add" as const,
      name,
      run: () => client.addUserToGroup(group, name),
    })),
    ...plan.toRemove.list().map((name) => ({
      action: "remove" as const,
      name,
      run: async () => {
        try {
          await client.removeUserFromGroup(group, name);
        } catch (err) {
          if (!isNotFound(err)) throw err;
        }
      },
    })),
  ];
  const progress = currentProgress();
  progress?.start(
    `members of group "${group}": ${plan.toAdd.size} to add, ${plan.toRemove.size} to remove`,
    calls.length,
  );
  const settled = await Promise.allSettled(
    calls.map((call) =>
      call.run().then(
        () => progress?.step(true),
        (err) => {
          progress?.step(false);
          throw err;
        },
      ),
    ),
  );
  progress?.finish();
  const outcome: ChangeOutcome = { added: [], removed: [], failures: [] };
  settled.forEach((result, index) => {
    const call = calls[index] as (typeof calls)[number];
    if (result.status === "fulfilled") {
      (call.action === "add" ? outcome.added : outcome.removed).push(call.name);
    } else {
      const error =
        result.reason instanceof Error ? result.reason : new Error(String(result.reason));
      outcome.failures.push({ action: call.action, name: call.name, error });
    }
  });
  return outcome;
}
