import type { z } from "zod";
import { isConflictAfterRetry } from "../errors";
import { BearerSession } from "../transport/bearer";
import { checkInput } from "../transport/check-input";
import { fingerprint, type IssuedToken } from "../transport/token-cache";
import type {
  CallRequest,
  ClientTransportOptions,
  QueryValue,
  Transport,
} from "../transport/transport";
import {
  ActionResult,
  AdminPasswordReset,
  AdminUser,
  AdminUserFilters,
  AdminUserGroups,
  AdminUserListPage,
  ApiResponseUserResponse,
  errorFields,
  IdentitySourceMismatches,
  PaginatedResponseUserListItem,
  TokenResponse,
  UserCreate,
  UserFilters,
  type UserGroupMembership,
  type UserListItem,
  UserPasswordReset,
  type UserResponse,
  UserStatusUpdate,
  UserUpdate,
} from "./schemas";

/** The API's largest page (its default is 20). */
const MAX_PAGE_SIZE = 100;

/** Tokens are renewed this long before they expire (at most half their lifetime). */
const RENEW_BEFORE_MS = 60_000;

export interface ScaiKeyClientOptions extends ClientTransportOptions {
  /** The ScaiKey service's base URL; the emulator's is `<url>/scaikey`. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** The tenant the tenant methods work in (`tnt_...`). */
  tenantId: string;
  /** A tenant application's tenant slug: tokens come from the tenant's endpoint; without it, from the platform's. */
  tenantSlug?: string;
  /** Space-separated scopes to ask for (default: whatever the client is allowed). */
  scope?: string;
  /** How the client authenticates to the token endpoint: HTTP Basic (default, RFC 6749 §2.3.1) or form fields. */
  clientAuthentication?: "basic" | "form";
}

export interface CreateOptions {
  /**
   * Retry the create like an idempotent call (default true). If a retry is answered 409, an
   * earlier attempt whose answer was lost probably created the user, so it is looked up by email
   * and returned. A 409 on the first attempt is always an error.
   */
  readBackOnConflict?: boolean;
}

/** ScaiKey users, through an OAuth client-credentials application. */
export class ScaiKeyClient {
  readonly tenantId: string;
  private readonly session: BearerSession;

  constructor(options: ScaiKeyClientOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, "");
    const { clientId, clientSecret, tenantId } = options;
    if (!clientId || !clientSecret || !tenantId) {
      throw new Error("ScaiKeyClient needs clientId, clientSecret and tenantId");
    }
    this.tenantId = tenantId;
    const tokenFor = [options.tenantSlug ?? "", options.scope ?? ""];
    this.session = new BearerSession(options, {
      api: "scaikey",
      baseUrl,
      quotaKey: fingerprint(baseUrl, clientId),
      errorBody: errorFields,
      secrets: [clientSecret, basicCredentials(clientId, clientSecret)],
      tokenKey: `scaikey|${fingerprint(baseUrl, clientId, clientSecret, ...tokenFor)}`,
      issueToken: (transport) => issueToken(transport, options),
      renewBeforeMs: RENEW_BEFORE_MS,
    });
  }

  /** Token requests made for this client's credential in this process (shared with other clients). */
  get tokenExchanges(): number {
    return this.session.tokenExchanges;
  }

  // ---- tenant directory: /api/v1/tenants/{tenant_id}/users ----

  /** Every user of the tenant matching the filters, reading pages 1 to `pagination.total_pages`. */
  listUsers(filters: UserFilters = {}): AsyncIterable<UserListItem> {
    const path = this.tenantPath();
    const query = checkInput("scaikey", UserFilters, filters, "GET", path);
    return this.pages(PaginatedResponseUserListItem, path, query);
  }

  async getUser(userId: string, options: { include?: string } = {}): Promise<UserResponse> {
    const request: CallRequest = { method: "GET", path: this.tenantPath(userId), query: options };
    return (await this.json(ApiResponseUserResponse, request)).data;
  }

  async createUser(user: UserCreate, options: CreateOptions = {}): Promise<UserResponse> {
    const path = this.tenantPath();
    const body = checkInput("scaikey", UserCreate, user, "POST", path);
    const readBack = options.readBackOnConflict ?? true;
    try {
      const request: CallRequest = {
        method: "POST",
        path,
        json: body,
        idempotent: readBack,
        secrets: [body.password],
      };
      return (await this.json(ApiResponseUserResponse, request)).data;
    } catch (err) {
      if (readBack && isConflictAfterRetry(err)) {
        const existing = await this.findUserByEmail(body.email);
        if (existing) return existing;
      }
      throw err;
    }
  }

  /** PATCH: only the keys given change; null clears a field. Sending the same values twice is harmless. */
  async updateUser(userId: string, update: UserUpdate): Promise<UserResponse> {
    const path = this.tenantPath(userId);
    const body = checkInput("scaikey", UserUpdate, update, "PATCH", path);
    const request: CallRequest = { method: "PATCH", path, json: body, idempotent: true };
    return (await this.json(ApiResponseUserResponse, request)).data;
  }

  /** Soft delete; the API asks for the user's email as confirmation. */
  async deleteUser(userId: string, confirmEmail: string): Promise<void> {
    await this.call({
      method: "DELETE",
      path: this.tenantPath(userId),
      query: { confirm_email: confirmEmail },
    });
  }

  /** Not retried after a possible delivery: a second reset could send a second email. */
  async resetPassword(userId: string, reset: UserPasswordReset = {}): Promise<ActionResult> {
    const path = this.tenantPath(userId, "password", "reset");
    return this.postPassword(path, checkInput("scaikey", UserPasswordReset, reset, "POST", path));
  }

  async updateUserStatus(userId: string, update: UserStatusUpdate): Promise<ActionResult> {
    const path = this.tenantPath(userId, "status");
    const body = checkInput("scaikey", UserStatusUpdate, update, "PUT", path);
    return this.json(ActionResult, { method: "PUT", path, json: body });
  }

  /** The tenant's user with this email (compared case-insensitively), in full, or undefined. */
  async findUserByEmail(email: string): Promise<UserResponse | undefined> {
    const wanted = email.toLowerCase();
    for await (const item of this.listUsers({ search: email })) {
      if (item.email.toLowerCase() === wanted) return this.getUser(item.id);
    }
    return undefined;
  }

  // ---- administration: /api/v1/admin/users ----

  adminListUsers(filters: AdminUserFilters = {}): AsyncIterable<UserListItem | UserResponse> {
    const path = "/api/v1/admin/users/";
    return this.pages(
      AdminUserListPage,
      path,
      checkInput("scaikey", AdminUserFilters, filters, "GET", path),
    );
  }

  async adminGetUser(userId: string): Promise<UserResponse> {
    return this.json(AdminUser, { method: "GET", path: this.adminPath(userId) });
  }

  /** Creates a user in `tenantId` (default: this client's tenant). */
  async adminCreateUser(
    user: UserCreate & { tenant_id?: string },
    options: CreateOptions = {},
  ): Promise<UserResponse> {
    const path = "/api/v1/admin/users/";
    const body = {
      ...checkInput("scaikey", UserCreate, user, "POST", path),
      tenant_id: user.tenant_id ?? this.tenantId,
    };
    const readBack = options.readBackOnConflict ?? true;
    try {
      return await this.json(AdminUser, {
        method: "POST",
        path,
        json: body,
        idempotent: readBack,
        secrets: [body.password],
      });
    } catch (err) {
      if (readBack && isConflictAfterRetry(err)) {
        for await (const item of this.adminListUsers({
          search: body.email,
          tenant_id: body.tenant_id,
        })) {
          if (item.email.toLowerCase() === body.email.toLowerCase())
            return this.adminGetUser(item.id);
        }
      }
      throw err;
    }
  }

  async adminUpdateUser(userId: string, update: UserUpdate): Promise<UserResponse> {
    const path = this.adminPath(userId);
    const body = checkInput("scaikey", UserUpdate, update, "PATCH", path);
    return this.json(AdminUser, { method: "PATCH", path, json: body, idempotent: true });
  }

  async adminDeleteUser(userId: string): Promise<void> {
    await this.call({ method: "DELETE", path: this.adminPath(userId) });
  }

  async adminGetUserGroups(userId: string): Promise<UserGroupMembership[]> {
    return this.json(AdminUserGroups, { method: "GET", path: this.adminPath(userId, "groups") });
  }

  /** Unlocking twice is harmless. */
  async adminUnlockUser(userId: string): Promise<ActionResult> {
    const request: CallRequest = {
      method: "POST",
      path: this.adminPath(userId, "unlock"),
      idempotent: true,
    };
    return this.json(ActionResult, request);
  }

  /** Disabling twice is harmless. */
  async adminDisableMfa(userId: string): Promise<ActionResult> {
    const request: CallRequest = {
      method: "POST",
      path: this.adminPath(userId, "mfa", "disable"),
      idempotent: true,
    };
    return this.json(ActionResult, request);
  }

  /** The administrator sets the new password directly. */
  async adminResetPassword(userId: string, reset: AdminPasswordReset): Promise<ActionResult> {
    const path = this.adminPath(userId, "reset-password");
    return this.postPassword(path, checkInput("scaikey", AdminPasswordReset, reset, "POST", path));
  }

  /** A password in a request body: scrubbed from anything the call's errors say. */
  private postPassword(path: string, body: { new_password?: string | null | undefined }) {
    return this.json(ActionResult, {
      method: "POST",
      path,
      json: body,
      secrets: [body.new_password],
    });
  }

  /** Users whose `identity_source` disagrees with their federated identity; `fix: true` corrects them. */
  async identitySourceMismatches(
    options: { tenantId?: string; fix?: boolean } = {},
  ): Promise<IdentitySourceMismatches> {
    return this.json(IdentitySourceMismatches, {
      method: "GET",
      path: "/api/v1/admin/users/identity-source/mismatches",
      query: { tenant_id: options.tenantId, fix: options.fix },
      // A GET that writes when fix is true; fixing twice gives the same result.
      idempotent: true,
    });
  }

  private tenantPath(...segments: string[]): string {
    return `/api/v1/tenants/${[this.tenantId, "users", ...segments].map(encodeURIComponent).join("/")}`;
  }

  private adminPath(...segments: string[]): string {
    return `/api/v1/admin/users/${segments.map(encodeURIComponent).join("/")}`;
  }

  private call(request: CallRequest) {
    return this.session.call(request);
  }

  private async json<S extends z.ZodType>(schema: S, request: CallRequest): Promise<z.output<S>> {
    return this.session.transport.parse(schema, await this.call(request), request);
  }

  /** Pages 1 to `pagination.total_pages`; an item seen on an earlier page (the list shifted) is not repeated. */
  private async *pages<T extends { id: string }>(
    schema: z.ZodType<{ data: T[]; pagination: { total_pages: number } }>,
    path: string,
    filters: Record<string, QueryValue>,
  ): AsyncGenerator<T> {
    const seen = new Set<string>();
    for (let page = 1, totalPages = 1; page <= totalPages; page += 1) {
      const query = { per_page: MAX_PAGE_SIZE, ...filters, page };
      const answer = await this.json(schema, { method: "GET", path, query });
      totalPages = answer.pagination.total_pages;
      for (const item of answer.data) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        yield item;
      }
    }
  }
}

/** RFC 6749 §2.3.1: each part form-encoded, then `id:secret` in base64. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const part = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  return Buffer.from(`${part(clientId)}:${part(clientSecret)}`).toString("base64");
}

async function issueToken(
  transport: Transport,
  options: ScaiKeyClientOptions,
): Promise<IssuedToken> {
  const path = options.tenantSlug
    ? `/api/v1/auth/tenants/${encodeURIComponent(options.tenantSlug)}/oauth/token`
    : "/api/v1/platform/oauth/token";
  const form: Record<string, string> = { grant_type: "client_credentials" };
  if (options.scope) form.scope = options.scope;
  const headers: Record<string, string> = {};
  if (options.clientAuthentication === "form") {
    form.client_id = options.clientId;
    form.client_secret = options.clientSecret;
  } else {
    headers.authorization = `Basic ${basicCredentials(options.clientId, options.clientSecret)}`;
  }
  const request: CallRequest = { method: "POST", path, form, headers, idempotent: true };
  const requestedAt = transport.clock.now();
  const token = await transport.json(TokenResponse, request);
  return { value: token.access_token, expiresAt: requestedAt + token.expires_in * 1000 };
}
