import { type Dispatcher, request } from "undici";
import type { z } from "zod";
import type {
  AsaGroup,
  AsaUser,
  asaGroupSchema,
  asaUserSchema,
  EmulatorData,
  EmulatorDataInput,
  ScaikeyUser,
  SecureframeUser,
  scaikeyUserSchema,
  secureframeUserSchema,
} from "./data-schema";
import type { Faults, FaultsInput } from "./faults";
import { controlPrefix } from "./prefixes";
import type { Settings, SettingsInput } from "./settings";
import type { Counters, RequestLogEntry, StatusCounts } from "./traffic";

export type AsaUserInput = z.input<typeof asaUserSchema>;
export type AsaGroupInput = z.input<typeof asaGroupSchema>;
export type SecureframeUserInput = z.input<typeof secureframeUserSchema>;
export type ScaikeyUserInput = z.input<typeof scaikeyUserSchema>;
export type {
  Counters,
  Faults,
  FaultsInput,
  RequestLogEntry,
  Settings,
  SettingsInput,
  StatusCounts,
};

export class EmulatorControlError extends Error {
  override name = "EmulatorControlError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const segment = encodeURIComponent;

/** A typed client of the emulator's control API (`<url>/_emulator/...`). */
export class EmulatorControl {
  /** @param url the emulator's root URL, e.g. `http://127.0.0.1:7357` */
  constructor(
    readonly url: string,
    private readonly dispatcher?: Dispatcher,
  ) {}

  private async call<T>(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<T> {
    const response = await request(`${this.url}${controlPrefix}${path}`, {
      method,
      dispatcher: this.dispatcher,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.body.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (response.statusCode >= 400)
      throw new EmulatorControlError(response.statusCode, parsed?.error ?? text);
    return parsed as T;
  }

  /** Back to the data the emulator started with; clears counters, log, faults and settings. */
  reset = () => this.call<void>("POST", "/reset");
  data = () => this.call<EmulatorData>("GET", "/data");
  loadData = (data: EmulatorDataInput) => this.call<void>("PUT", "/data", data);

  counters = () => this.call<Counters>("GET", "/counters");
  /** Answers by status per API since the counters were last cleared (every request, unlike the log). */
  statuses = () => this.call<StatusCounts>("GET", "/statuses");
  clearCounters = () => this.call<void>("DELETE", "/counters");
  requests = () => this.call<RequestLogEntry[]>("GET", "/requests");
  clearRequests = () => this.call<void>("DELETE", "/requests");

  faults = () => this.call<Faults>("GET", "/faults");
  /** Replaces every fault setting (and reseeds the generator). */
  setFaults = (faults: FaultsInput) => this.call<Faults>("PUT", "/faults", faults);
  clearFaults = () => this.call<void>("DELETE", "/faults");
  /** Every token issued so far becomes invalid: the next call with one answers 401. */
  expireTokens = () => this.call<void>("POST", "/tokens/expire");

  settings = () => this.call<Settings>("GET", "/settings");
  setSettings = (settings: SettingsInput) => this.call<Settings>("PUT", "/settings", settings);

  readonly asa = (() => {
    const team = (name: string) => `/asa/teams/${segment(name)}`;
    return {
      users: (teamName: string) => this.call<AsaUser[]>("GET", `${team(teamName)}/users`),
      user: (teamName: string, name: string) =>
        this.call<AsaUser>("GET", `${team(teamName)}/users/${segment(name)}`),
      createUser: (teamName: string, user: AsaUserInput) =>
        this.call<AsaUser>("POST", `${team(teamName)}/users`, user),
      createUsers: (teamName: string, users: AsaUserInput[]) =>
        this.call<AsaUser[]>("POST", `${team(teamName)}/users`, users),
      updateUser: (teamName: string, name: string, patch: Partial<AsaUserInput>) =>
        this.call<AsaUser>("PATCH", `${team(teamName)}/users/${segment(name)}`, patch),
      /** Removes the user outright (the API itself can only mark users DELETED). */
      deleteUser: (teamName: string, name: string) =>
        this.call<void>("DELETE", `${team(teamName)}/users/${segment(name)}`),
      groups: (teamName: string) => this.call<AsaGroup[]>("GET", `${team(teamName)}/groups`),
      group: (teamName: string, name: string) =>
        this.call<AsaGroup>("GET", `${team(teamName)}/groups/${segment(name)}`),
      createGroup: (teamName: string, group: AsaGroupInput) =>
        this.call<AsaGroup>("POST", `${team(teamName)}/groups`, group),
      createGroups: (teamName: string, groups: AsaGroupInput[]) =>
        this.call<AsaGroup[]>("POST", `${team(teamName)}/groups`, groups),
      /** E.g. `{ roles: [...] }`, `{ members: [...] }`, or `{ deleted_at: "<time>" }` for a soft delete. */
      updateGroup: (teamName: string, name: string, patch: Partial<AsaGroupInput>) =>
        this.call<AsaGroup>("PATCH", `${team(teamName)}/groups/${segment(name)}`, patch),
      /** Removes the group outright (the API's DELETE is a soft delete). */
      deleteGroup: (teamName: string, name: string) =>
        this.call<void>("DELETE", `${team(teamName)}/groups/${segment(name)}`),
      setGroupMembers: (teamName: string, group: string, userNames: string[]) =>
        this.call<AsaGroup>("PUT", `${team(teamName)}/groups/${segment(group)}/members`, userNames),
      addGroupMember: (teamName: string, group: string, userName: string) =>
        this.call<AsaGroup>(
          "POST",
          `${team(teamName)}/groups/${segment(group)}/members/${segment(userName)}`,
        ),
      removeGroupMember: (teamName: string, group: string, userName: string) =>
        this.call<AsaGroup>(
          "DELETE",
          `${team(teamName)}/groups/${segment(group)}/members/${segment(userName)}`,
        ),
    };
  })();

  readonly secureframe = {
    users: () => this.call<SecureframeUser[]>("GET", "/secureframe/users"),
    user: (id: string) => this.call<SecureframeUser>("GET", `/secureframe/users/${segment(id)}`),
    createUser: (user: SecureframeUserInput) =>
      this.call<SecureframeUser>("POST", "/secureframe/users", user),
    createUsers: (users: SecureframeUserInput[]) =>
      this.call<SecureframeUser[]>("POST", "/secureframe/users", users),
    updateUser: (id: string, patch: Partial<SecureframeUserInput>) =>
      this.call<SecureframeUser>("PATCH", `/secureframe/users/${segment(id)}`, patch),
    deleteUser: (id: string) => this.call<void>("DELETE", `/secureframe/users/${segment(id)}`),
  };

  readonly scaikey = {
    users: () => this.call<ScaikeyUser[]>("GET", "/scaikey/users"),
    user: (id: string) => this.call<ScaikeyUser>("GET", `/scaikey/users/${segment(id)}`),
    /** `tenant_id` defaults to the first tenant. */
    createUser: (user: Omit<ScaikeyUserInput, "tenant_id"> & { tenant_id?: string }) =>
      this.call<ScaikeyUser>("POST", "/scaikey/users", user),
    createUsers: (users: (Omit<ScaikeyUserInput, "tenant_id"> & { tenant_id?: string })[]) =>
      this.call<ScaikeyUser[]>("POST", "/scaikey/users", users),
    updateUser: (id: string, patch: Partial<ScaikeyUserInput>) =>
      this.call<ScaikeyUser>("PATCH", `/scaikey/users/${segment(id)}`, patch),
    /** Removes the user outright (the API's DELETE is a soft delete). */
    deleteUser: (id: string) => this.call<void>("DELETE", `/scaikey/users/${segment(id)}`),
  };
}
