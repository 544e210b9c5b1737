import { randomBytes } from "node:crypto";

export type IssuedToken =
  | { api: "asa"; team: string; serviceUser: string; expiresAt: number }
  | {
      api: "scaikey";
      clientId: string;
      /** null: a platform token, valid for every tenant. */
      tenantId: string | null;
      scopes: string[];
      expiresAt: number;
    };

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Bearer tokens handed out by the ASA and ScaiKey token endpoints. */
export class TokenStore {
  private tokens = new Map<string, IssuedToken>();

  /** Returns a JWT-shaped token (its signature is random: nobody verifies it but us). */
  issue(token: IssuedToken): string {
    const subject = token.api === "asa" ? token.serviceUser : token.clientId;
    const jwt = [
      base64url({ alg: "HS256", typ: "JWT" }),
      base64url({ sub: subject, exp: Math.floor(token.expiresAt / 1000), iss: "emulator" }),
      randomBytes(24).toString("base64url"),
    ].join(".");
    this.tokens.set(jwt, token);
    return jwt;
  }

  find(bearer: string, now: number): IssuedToken | undefined {
    const token = this.tokens.get(bearer);
    if (token && token.expiresAt <= now) {
      this.tokens.delete(bearer);
      return undefined;
    }
    return token;
  }

  expireAll(): void {
    this.tokens.clear();
  }
}
