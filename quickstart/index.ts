import { asa, scaikey, secureframe } from "pulumi-identity";

// Okta Advanced Server Access: a group, its roles, and exactly who is in it. Anyone added by hand
// in the console is drift: `pulumi refresh` shows it and the next `pulumi up` removes them.
const household = new asa.Group("compson-household", {
  name: "compson-household",
  roles: ["access_user", "reporting_user"],
});
const householdMembers = new asa.GroupMembership("compson-household-members", {
  group: household,
  members: ["Jason.Compson.IV", "Benjy.Compson"],
});

// Secureframe: a leaver. Caddy's contract ends; her account is deactivated.
const caddy = "caddy.compson@example.com";
new secureframe.UserAttributes("caddy-leaves", { user: caddy, endDate: "2026-12-31" });
new secureframe.UserStatus("caddy-inactive", { user: caddy, active: false });

// ScaiKey: Jason's account is locked while his sign-ins are looked into.
new scaikey.UserStatus("jason-locked", {
  user: "jason.compson@example.com",
  status: "LOCKED",
  reason: "Unusual sign-ins under review by security",
});

export const groupMembers = householdMembers.members;
