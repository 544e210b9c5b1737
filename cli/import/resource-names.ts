import { createHash } from "node:crypto";

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

/**
 * The Pulumi resource name for a group or a user: the name itself when it is made of letters,
 * digits and `._@+-` (as most are), else those characters kept, the others as `_`, and a short
 * hash of the whole name, so two names never meet and a name always gives the same resource name.
 */
export function resourceName(name: string): string {
  if (SAFE.test(name) && name.length <= 100) return name;
  const kept = name.replace(/[^A-Za-z0-9._@+-]/g, "_").slice(0, 80) || "_";
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${kept}-${hash}`;
}

/** Fails when two entries got one resource name (it cannot happen by the rule above, but say so if it does). */
export function assertDistinct(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new Error(`two ${what} get the resource name "${name}"; report this as a bug`);
    seen.add(name);
  }
}
