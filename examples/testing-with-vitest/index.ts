import * as identity from "pulumi-identity";

// The program under test: the platform team's ASA group and who is in it.
const platform = new identity.asa.Group("platform", { name: "platform", roles: ["access_user"] });
new identity.asa.GroupMembership("platform-members", {
  group: platform,
  members: ["Jason.Compson.IV", "Benjy.Compson"],
});

export const groupId = platform.id;
