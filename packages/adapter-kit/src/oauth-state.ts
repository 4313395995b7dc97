import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a callback's state was refused (safe to log). */
export const OAUTH_STATE_FAILURES = [
  'missing',
  'forged',
  'expired',
  'other-session',
  'cookie-mismatch',
] as const;
export type OAuthStateFailure = (typeof OAUTH_STATE_FAILURES)[number];

/** The outcome of checking a callback's state. */
export type OAuthStateCheck =
  | { readonly ok: true; readonly data: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly reason: OAuthStateFailure };

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

function equal(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

/**
 * OAuth `state` values shared by every vendor's flow: a signed token (HMAC-SHA256 with a server
 * secret) that names the admin session it was issued to (a hash of the binding, e.g. the session
 * id) and expires. A callback is accepted only with a genuine, unexpired token issued to the same
 * session and equal to the browser's state cookie: a forged cookie with a matching `state`
 * parameter, or a state from another session, is refused before any code exchange.
 */
export class OAuthStateSigner {
  readonly #secret: string;
  readonly #ttlMs: number;

  /** `secret`: 16+ characters shared by every process (e.g. derived from WEBAPP_SECRET_KEY). */
  constructor(secret: string, options: { readonly ttlMs?: number } = {}) {
    if (typeof secret !== 'string' || secret.length < 16)
      throw new RangeError('the OAuth state secret must be at least 16 characters');
    this.#secret = secret;
    this.#ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  }

  /** How long a state stays valid, in seconds (for the cookie's Max-Age). */
  get ttlSeconds(): number {
    return Math.ceil(this.#ttlMs / 1000);
  }

  /** A new state bound to `binding`, carrying `data` (sent through the browser: nothing secret). */
  issue(binding: string, now: Date, data: Readonly<Record<string, string>> = {}): string {
    const payload = Buffer.from(
      JSON.stringify({
        b: sha256(binding),
        e: now.getTime() + this.#ttlMs,
        n: randomBytes(16).toString('base64url'),
        d: data,
      }),
    ).toString('base64url');
    return `${payload}.${this.#sign(payload)}`;
  }

  /** Checks a callback: `param` is the `state` query parameter, `cookie` the state cookie, `binding` this request's session. */
  check(input: {
    readonly param: string | undefined;
    readonly cookie: string | undefined;
    readonly binding: string | undefined;
    readonly now: Date;
  }): OAuthStateCheck {
    const { param, cookie, binding } = input;
    if (!param || !cookie || !binding || param.length > 4096) return { ok: false, reason: 'missing' };
    const [payload = '', signature = '', extra] = param.split('.');
    if (extra !== undefined || !equal(signature, this.#sign(payload))) return { ok: false, reason: 'forged' };
    const claims = parseClaims(payload);
    if (claims === undefined) return { ok: false, reason: 'forged' };
    if (claims.e <= input.now.getTime()) return { ok: false, reason: 'expired' };
    if (!equal(claims.b, sha256(binding))) return { ok: false, reason: 'other-session' };
    if (!equal(cookie, param)) return { ok: false, reason: 'cookie-mismatch' };
    return { ok: true, data: claims.d };
  }

  /**
   * The data of a genuine, unexpired state, without the session and cookie checks: only for a
   * library that verifies the state again after `check` has passed (Slack's InstallProvider).
   */
  open(state: string, now: Date): Readonly<Record<string, string>> | undefined {
    const [payload = '', signature = '', extra] = state.split('.');
    if (extra !== undefined || !equal(signature, this.#sign(payload))) return undefined;
    const claims = parseClaims(payload);
    return claims !== undefined && claims.e > now.getTime() ? claims.d : undefined;
  }

  /** A secret derived from a state (e.g. a PKCE verifier): recomputable at the callback, never sent with it. */
  derive(state: string, purpose: string): string {
    return createHmac('sha256', this.#secret).update(`${purpose}\n${state}`).digest('base64url');
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#secret).update(`oauth-state\n${payload}`).digest('base64url');
  }
}

function parseClaims(payload: string): { b: string; e: number; d: Record<string, string> } | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const data = value.d;
    if (
      typeof value.b !== 'string' ||
      typeof value.e !== 'number' ||
      typeof data !== 'object' ||
      data === null
    )
      return undefined;
    const entries = Object.entries(data);
    if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
    return { b: value.b, e: value.e, d: Object.fromEntries(entries) as Record<string, string> };
  } catch {
    return undefined;
  }
}
