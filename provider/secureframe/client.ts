import { ApiError } from "../errors";
import { checkInput } from "../transport/check-input";
import { fingerprint } from "../transport/token-cache";
import {
  type CallRequest,
  type ClientTransportOptions,
  Transport,
  transportOptionsOf,
} from "../transport/transport";
import {
  errorFields,
  flattenUser,
  type User,
  UserEnvelope,
  UserListPage,
  UserUpdate,
} from "./schemas";

export const SECUREFRAME_DEFAULT_BASE_URL = "https://api.secureframe.com";

/** The API silently caps `per_page` at 100; asking for more would make every page look short. */
const MAX_PAGE_SIZE = 100;

export interface SecureframeClientOptions extends ClientTransportOptions {
  /** Default https://api.secureframe.com (UK: https://api-uk.secureframe.com); the emulator's is `<url>/secureframe`. */
  baseUrl?: string;
  apiKey: string;
  apiSecret: string;
}

export interface ListUsersOptions {
  /** Lucene query: `field:value`, AND/OR, parentheses, double quotes. Case-sensitive. */
  q?: string;
  /** Page size, at most 100 (the default). */
  perPage?: number;
}

/** Secureframe users, through an API key and secret. */
export class SecureframeClient {
  private readonly transport: Transport;
  private readonly authorization: string;

  constructor(options: SecureframeClientOptions) {
    const baseUrl = (options.baseUrl ?? SECUREFRAME_DEFAULT_BASE_URL).replace(/\/+$/, "");
    if (!options.apiKey || !options.apiSecret) {
      throw new Error("SecureframeClient needs apiKey and apiSecret");
    }
    const { apiKey, apiSecret } = options;
    this.authorization = `${apiKey} ${apiSecret}`;
    this.transport = new Transport({
      ...transportOptionsOf(options),
      api: "secureframe",
      baseUrl,
      // The documented limit is per IP address, so every key of this process shares one quota.
      quotaKey: fingerprint(baseUrl),
      errorBody: errorFields,
      // The key is a secret setting too (identity:secureframeApiKey).
      secrets: () => [apiKey, apiSecret, this.authorization],
    });
  }

  /** Every user matching `q`, page by page until a short page. */
  async *listUsers(options: ListUsersOptions = {}): AsyncGenerator<User> {
    const perPage = Math.min(options.perPage ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    let firstIdOfLastPage: string | undefined;
    for (let page = 1; ; page += 1) {
      const request = this.request({
        method: "GET",
        path: "/users",
        query: { q: options.q, page, per_page: perPage },
      });
      const users = await this.transport.json(UserListPage, request);
      // Stryker disable next-line OptionalChaining: users.length > 0 already means users[0] exists
      if (users.length > 0 && users[0]?.id === firstIdOfLastPage) {
        throw new ApiError({
          api: "secureframe",
          method: "GET",
          path: "/users",
          code: "pagination_loop",
          apiMessage: `page ${page} repeats page ${page - 1}: the API ignored the page parameter`,
        });
      }
      firstIdOfLastPage = users[0]?.id;
      yield* users;
      if (users.length < perPage) return;
    }
  }

  async getUser(id: string): Promise<User> {
    const envelope = await this.transport.json(
      UserEnvelope,
      this.request({ method: "GET", path: `/users/${encodeURIComponent(id)}` }),
    );
    return flattenUser(envelope.data);
  }

  /** Changes the given fields; the API takes them in the query string and answers the updated user. */
  async updateUser(id: string, update: UserUpdate): Promise<User> {
    const path = `/users/${encodeURIComponent(id)}`;
    const fields = checkInput("secureframe", UserUpdate, update, "PUT", path);
    const envelope = await this.transport.json(
      UserEnvelope,
      this.request({ method: "PUT", path, query: fields }),
    );
    return flattenUser(envelope.data);
  }

  /**
   * The user with this email, compared case-insensitively, or undefined. The API's search is
   * case-sensitive, so a miss is tried again with the email in lower case.
   */
  async findUserByEmail(email: string): Promise<User | undefined> {
    const wanted = email.toLowerCase();
    for (const form of new Set([email, wanted])) {
      for await (const user of this.listUsers({ q: `email:${luceneQuote(form)}` })) {
        if (user.email.toLowerCase() === wanted) return user;
      }
    }
    return undefined;
  }

  private request(request: CallRequest): CallRequest {
    return { ...request, headers: { ...request.headers, authorization: this.authorization } };
  }
}

/** A Lucene phrase: the value in double quotes, with `"` and `\` escaped. */
export function luceneQuote(value: string): string {
  return `"${value.replace(/["\\]/g, "\\$&")}"`;
}
