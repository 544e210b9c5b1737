import { asa } from "pulumi-identity";

// Groups people made by hand in the ASA console, written down as they are today (the
// `notYetManaged` output below prints them ready to copy). Adopting them changes nothing in ASA;
// from then on this list is the truth, and a pull request changing it shows who gains and loses
// access.
const groups: { name: string; roles: asa.Role[]; members: string[] }[] = [
  {
    name: "compsons",
    roles: ["access_admin", "access_user", "reporting_user"],
    members: ["Benjy.Compson"],
  },
  {
    name: "deploy",
    roles: ["access_user"],
    members: ["Benjy.Compson", "Jason.Compson.IV"],
  },
];

for (const { name, roles, members } of groups) {
  // retainOnDelete: these groups existed before this stack, so taking one out of the list (or
  // `pulumi destroy`) leaves it and its members in ASA instead of deleting them.
  const group = new asa.Group(name, { name, roles, adopt: true }, { retainOnDelete: true });
  new asa.GroupMembership(
    `${name}-members`,
    { group, members, adopt: true },
    { retainOnDelete: true },
  );
}

/** The team's other groups with their roles and members: what is left to adopt. */
export const notYetManaged = asa.getGroups().then(async (live) => {
  const managed = new Set(groups.map((g) => g.name));
  // Federated groups are managed in their home team, not here.
  const others = live
    .filter((g) => !managed.has(g.name) && !g.federated_from_team)
    .sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    others.map(async ({ name, roles }) => ({
      name,
      roles: [...roles].sort(),
      members: await asa.getGroupMembers(name),
    })),
  );
});
