import type { z } from "zod";
import { ApiError, isConflictAfterRetry } from "../errors";
import { BearerSession } from "../transport/bearer";
import { checkInput } from "../transport/check-input";
import { parseLinkHeader } from "../transport/link-header";
import { fingerprint } from "../transport/token-cache";
import type {
  CallRequest,
  ClientTransportOptions,
  QueryValue,
  Transport,
} from "../transport/transport";
import {
  AuthTokenResponse,
  errorFields,
  Group,
  GroupCreate,
  GroupFilters,
  GroupList,
  GroupMemberAdd,
  GroupUpdate,
  GroupUserFilters,
  IssueServiceTokenRequestBody,
  PageFilters,
  User,
  UserFilters,
  UserList,
  UserUpdate,
} from "./schemas";

const DETAIL_KEYS = ["first_name", "last_name", "full_name", "email"] as const;

export const ASA_DEFAULT_BASE_URL = "https://app.scaleft.com";

export interface AsaClientOptions extends ClientTransportOptions {
  /** Default https://app.scaleft.com; the emulator's is `<url>/asa`. */
  baseUrl?: string;
  team: string;
  keyId: string;
  keySecret: string;
}

export interface CreateOptions {
  /**
   * Retry the create like an idempotent call (default true). If a retry is answered 409, an
   * earlier attempt whose answer was lost probably created the object, so it is read back and
   * returned instead of failing. A 409 on the first attempt is always an error.
   */
  readBackOnConflict?: boolean;
}

/** The official SDK renews a token up to 2 minutes before its `expires_at`. */
const RENEW_BEFORE_MS = 120_000;

/** Okta Advanced Server Access: users and groups of one team, through a service user's API key. */
export class AsaClient {
  readonly team: string;
  /** Who the client is to the API (base URL, team, key id), never a secret: what caches key on. */
  readonly identity: string;
  private readonly session: BearerSession;

  constructor(options: AsaClientOptions) {
    const baseUrl = (options.baseUrl ?? ASA_DEFAULT_BASE_URL).replace(/\/+$/, "");
    const { team, keyId, keySecret } = options;
    if (!team || !keyId || !keySecret) throw new Error("AsaClient needs team, keyId and keySecret");
    this.team = team;
    // Tokens last and are counted per service user: one cache and one limiter per key.
    this.identity = fingerprint(baseUrl, team.toLowerCase(), keyId);
    this.session = new BearerSession(options, {
      api: "asa",
      baseUrl,
      quotaKey: this.identity,
      errorBody: errorFields,
      secrets: [keySecret],
      tokenKey: `asa|${fingerprint(baseUrl, team.toLowerCase(), keyId, keySecret)}`,
      issueToken: (transport) => issueToken(transport, team, keyId, keySecret),
      renewBeforeMs: RENEW_BEFORE_MS,
    });
  }

  /** Token exchanges made for this client's credential in this process (shared with other clients). */
  get tokenExchanges(): number {
    return this.session.tokenExchanges;
  }

  async getUser(name: string): Promise<User> {
    return this.json(User, { method: "GET", path: this.teamPath("users", name) });
  }

  listUsers(filters: UserFilters = {}): AsyncIterable<User> {
    return this.pages(UserList, this.teamPath("users"), UserFilters, filters);
  }

  /**
   * Changes a user's status and/or details (204). There is no hard delete: `status: "DELETED"`.
   * Whether the API merges or replaces `details` is not documented, so partial details are
   * completed from the current user first (one more GET) and the PUT always carries all four.
   */
  async updateUser(name: string, update: UserUpdate): Promise<void> {
    const path = this.teamPath("users", name);
    const body = this.input(UserUpdate, update, "PUT", path);
    const given = body.details;
    if (given && DETAIL_KEYS.some((key) => !(key in given))) {
      const current = (await this.getUser(name)).details ?? {};
      body.details = Object.fromEntries(
        DETAIL_KEYS.map((key) => [key, key in given ? given[key] : (current[key] ?? null)]),
      );
    }
    await this.call({ method: "PUT", path, json: body });
  }

  listUserGroups(name: string, filters: PageFilters = {}): AsyncIterable<Group> {
    return this.pages(GroupList, this.teamPath("users", name, "groups"), PageFilters, filters);
  }

  listGroups(filters: GroupFilters = {}): AsyncIterable<Group> {
    return this.pages(GroupList, this.teamPath("groups"), GroupFilters, filters);
  }

  async createGroup(group: GroupCreate, options: CreateOptions = {}): Promise<Group> {
    const path = this.teamPath("groups");
    const body = this.input(GroupCreate, group, "POST", path);
    const readBack = options.readBackOnConflict ?? true;
    try {
      return await this.json(Group, { method: "POST", path, json: body, idempotent: readBack });
    } catch (err) {
      if (readBack && isConflictAfterRetry(err)) return this.getGroup(body.name);
      throw err;
    }
  }

  /** A group, soft-deleted ones included: check `isSoftDeleted(group)`. */
  async getGroup(name: string): Promise<Group> {
    return this.json(Group, { method: "GET", path: this.teamPath("groups", name) });
  }

  async updateGroup(name: string, update: GroupUpdate): Promise<void> {
    const path = this.teamPath("groups", name);
    await this.call({ method: "PUT", path, json: this.input(GroupUpdate, update, "PUT", path) });
  }

  async deleteGroup(name: string): Promise<void> {
    await this.call({ method: "DELETE", path: this.teamPath("groups", name) });
  }

  listGroupUsers(group: string, filters: GroupUserFilters = {}): AsyncIterable<User> {
    return this.pages(UserList, this.teamPath("groups", group, "users"), GroupUserFilters, filters);
  }

  /** Adding a member twice changes nothing, so the call is retried like an idempotent one. */
  async addUserToGroup(group: string, username: string): Promise<void> {
    const path = this.teamPath("groups", group, "users");
    const body = this.input(GroupMemberAdd, { name: username }, "POST", path);
    try {
      await this.call({ method: "POST", path, json: body, idempotent: true });
    } catch (err) {
      // A 409 after a retry: the lost first attempt added the member.
      if (!isConflictAfterRetry(err)) throw err;
    }
  }

  async removeUserFromGroup(group: string, username: string): Promise<void> {
    await this.call({ method: "DELETE", path: this.teamPath("groups", group, "users", username) });
  }

  listUsersNotInGroup(group: string, filters: PageFilters = {}): AsyncIterable<User> {
    const path = this.teamPath("groups", group, "users_not_in_group");
    return this.pages(UserList, path, PageFilters, filters);
  }

  private teamPath(...segments: string[]): string {
    return `/v1/teams/${[this.team, ...segments].map(encodeURIComponent).join("/")}`;
  }

  private call(request: CallRequest) {
    return this.session.call(request);
  }

  private async json<S extends z.ZodType>(schema: S, request: CallRequest): Promise<z.output<S>> {
    return this.session.transport.parse(schema, await this.call(request), request);
  }

  private input<S extends z.ZodType>(
    schema: S,
    value: unknown,
    method: string,
    path: string,
  ): z.output<S> {
    return checkInput("asa", schema, value, method, path);
  }

  /** Every item of a list, following `Link: <url>; rel="next"` to the last page. */
  private async *pages<T>(
    envelope: z.ZodType<{ list: T[] }>,
    path: string,
    filterSchema: z.ZodType<Record<string, QueryValue>>,
    filters: unknown,
  ): AsyncGenerator<T> {
    const query = this.input(filterSchema, filters, "GET", path);
    let request: CallRequest | undefined = { method: "GET", path, query };
    const seen = new Set<string>();
    while (request) {
      const response = await this.call(request);
      yield* this.session.transport.parse(envelope, response, request).list;
      const next = parseLinkHeader(response.headers.link).next;
      if (next === undefined) return;
      if (seen.has(next)) {
        throw new ApiError({
          api: "asa",
          method: "GET",
          path,
          code: "pagination_loop",
          apiMessage: "the next page link repeats a page already read",
        });
      }
      seen.add(next);
      request = { method: "GET", path: next };
    }
  }
}

async function issueToken(transport: Transport, team: string, keyId: string, keySecret: string) {
  const path = `/v1/teams/${encodeURIComponent(team)}/service_token`;
  const body = { key_id: keyId, key_secret: keySecret };
  const request: CallRequest = {
    method: "POST",
    path,
    json: checkInput("asa", IssueServiceTokenRequestBody, body, "POST", path),
    // Asking twice for a token is harmless.
    idempotent: true,
  };
  const token = await transport.json(AuthTokenResponse, request);
  if (token.team_name.toLowerCase() !== team.toLowerCase()) {
    throw new ApiError({
      api: "asa",
      method: "POST",
      path: request.path,
      status: 200,
      code: "team_mismatch",
      apiMessage: `the token is for team "${token.team_name}", not "${team}"`,
    });
  }
  const expiresAt = Date.parse(token.expires_at);
  if (Number.isNaN(expiresAt)) {
    throw new ApiError({
      api: "asa",
      method: "POST",
      path: request.path,
      status: 200,
      code: "invalid_response",
      field: "expires_at",
      apiMessage: "expires_at is not a date",
    });
  }
  return { value: token.bearer_token, expiresAt };
}
