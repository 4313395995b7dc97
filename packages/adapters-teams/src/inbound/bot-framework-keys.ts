import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';

/** A JWKS as the Bot Framework publishes it: each key may list the channels that endorse it. */
type EndorsedJwk = JSONWebKeySet['keys'][number] & { endorsements?: unknown };
type EndorsedJwks = JSONWebKeySet & { keys: EndorsedJwk[] };

/** The keys read from the metadata, ready for `jwtVerify`, plus each key's endorsements. */
export interface KeySet {
  readonly getKey: JWTVerifyGetKey;
  endorsements(kid: string | undefined): readonly string[] | undefined;
  readonly fetchedAt: number;
}

/** Options of `BotFrameworkKeys`. */
export interface BotFrameworkKeysOptions {
  readonly openIdMetadataUrl: string;
  /** Refresh after this long (default 24 h, as the authentication page recommends). */
  readonly maxAgeMs?: number;
  /** Refresh for an unknown key id at most this often (default 5 min). */
  readonly unknownKidCooldownMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

/**
 * The Bot Connector's signing keys, found the documented way: read the OpenID metadata, follow
 * its `jwks_uri`, keep the keys a day, and re-read early when a token names a key not seen yet
 * (Microsoft rolls keys). https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot
 */
export class BotFrameworkKeys {
  readonly #options: BotFrameworkKeysOptions;
  #current: KeySet | undefined;
  #loading: Promise<KeySet> | undefined;

  constructor(options: BotFrameworkKeysOptions) {
    this.#options = options;
  }

  /** The key set, refreshed when old or when `kid` is unknown (within the cooldown). */
  async get(kid: string | undefined): Promise<KeySet> {
    const now = (this.#options.now ?? Date.now)();
    const current = this.#current;
    const stale = current === undefined || now - current.fetchedAt > (this.#options.maxAgeMs ?? 86_400_000);
    const unknown =
      current !== undefined &&
      current.endorsements(kid) === undefined &&
      now - current.fetchedAt > (this.#options.unknownKidCooldownMs ?? 300_000);
    if (!stale && !unknown && current !== undefined) return current;
    this.#loading ??= this.#load(now).finally(() => {
      this.#loading = undefined;
    });
    this.#current = await this.#loading;
    return this.#current;
  }

  async #load(now: number): Promise<KeySet> {
    const metadata = (await this.#json(this.#options.openIdMetadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata without jwks_uri');
    const jwks = (await this.#json(metadata.jwks_uri)) as EndorsedJwks;
    if (!Array.isArray(jwks.keys)) throw new Error('JWKS without keys');
    const byKid = new Map<string | undefined, EndorsedJwk>(jwks.keys.map((k) => [k.kid, k] as const));
    return {
      getKey: createLocalJWKSet(jwks),
      endorsements: (kid) => {
        const key = kid === undefined ? undefined : byKid.get(kid);
        if (key === undefined) return undefined;
        return Array.isArray(key.endorsements)
          ? (key.endorsements as unknown[]).filter((e): e is string => typeof e === 'string')
          : [];
      },
      fetchedAt: now,
    };
  }

  async #json(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5_000) });
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    return response.json();
  }
}
