// Checked by `npm run typecheck`, never run (not a test file): the argument types refuse what the
// providers refuse.
export function argumentTypes(sdk: typeof import("../../sdk")): void {
  // @ts-expect-error an unknown detail
  new sdk.asa.UserAttributes("x", { username: "a", details: { middleName: "L" } });
  // @ts-expect-error a status ASA does not have
  new sdk.asa.UserStatus("x", { username: "a", status: "LOCKED" });
  // @ts-expect-error user is required
  new sdk.secureframe.UserStatus("x", { active: true });
  // @ts-expect-error an employee type Secureframe does not have
  new sdk.secureframe.UserAttributes("x", { user: "a@example.com", employeeType: "intern" });
  // @ts-expect-error PENDING_* statuses come from sign-up flows only
  new sdk.scaikey.UserStatus("x", { user: "a@example.com", status: "PENDING_APPROVAL" });
  // @ts-expect-error an attribute ScaiKey users do not have
  new sdk.scaikey.UserAttributes("x", { user: "a@example.com", nickname: "A" });
}
