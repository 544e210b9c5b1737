import { ApiError } from "../api-error";
import {
  type AsaGroup,
  type AsaTeam,
  type AsaUser,
  asaLiveGroupDeletedAt,
  type EmulatorData,
} from "../data-schema";
import type { Settings } from "../settings";
import type { EmulatorState } from "../state";

/** Team names match case-insensitively, as ASA's clients compare them. */
export function teamNamed(data: EmulatorData, name: string): AsaTeam | undefined {
  const wanted = name.toLowerCase();
  return data.asa.teams.find((t) => t.name.toLowerCase() === wanted);
}

export function findTeam(data: EmulatorData, name: string): AsaTeam {
  const team = teamNamed(data, name);
  if (!team) throw new ApiError(404, `team ${name} does not exist`);
  return team;
}

/** The user of that name; with `foldCase`, of that name in any case (an emulator setting). */
export function findUser(team: AsaTeam, name: string, foldCase = false): AsaUser {
  const wanted = name.toLowerCase();
  const user =
    team.users.find((u) => u.name === name) ??
    (foldCase ? team.users.find((u) => u.name.toLowerCase() === wanted) : undefined);
  if (!user) throw new ApiError(404, `user ${name} does not exist`);
  return user;
}

export const isLive = (group: AsaGroup) => group.deleted_at === null;

/** The live group of that name or, failing that, the last one deleted (which still answers). */
export function findGroup(team: AsaTeam, name: string): AsaGroup {
  const named = team.groups.filter((g) => g.name === name);
  const group = named.find(isLive) ?? named.at(-1);
  if (!group) throw new ApiError(404, `group ${name} does not exist`);
  return group;
}

export function findLiveGroup(team: AsaTeam, name: string): AsaGroup {
  const group = team.groups.find((g) => g.name === name && isLive(g));
  if (!group) throw new ApiError(404, `group ${name} does not exist`);
  return group;
}

/**
 * A group as the API shows it: without the member list, and a live group's `deleted_at` as the
 * `asa.liveGroupDeletedAt` setting says (null, or the seed examples' Go zero time).
 */
export function publicGroup(settings: Settings, { members: _members, ...group }: AsaGroup) {
  const zeroTime = settings.asa.liveGroupDeletedAt === "zero-time";
  return { ...group, deleted_at: group.deleted_at ?? (zeroTime ? asaLiveGroupDeletedAt : null) };
}

/** RFC 3339 without milliseconds, as ASA writes times. */
export function asaTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Whether usernames match in any case (the `asa.usernames` setting). */
export function foldCase(state: EmulatorState): boolean {
  return state.settings.asa.usernames === "case-insensitive";
}
