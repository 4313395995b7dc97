import { LRUCache } from 'lru-cache';

/** Bounds of a `UserCache`. */
export interface UserCacheOptions {
  /** How many users are kept, least recently used dropped first (default 1,000). */
  readonly size?: number;
  /** How long a known user is kept (default 10 minutes). */
  readonly ttlMs?: number;
  /** How long "no such user" is kept (default 1 minute); 0 asks again every time. */
  readonly unknownTtlMs?: number;
}

/**
 * A chat platform's user look-ups, cached: bounded, expiring, one call for concurrent look-ups of
 * one id, and "unknown" kept for a shorter time than a known user. Shared by the chat adapters.
 */
export class UserCache<U extends object> {
  readonly #cache: LRUCache<string, { readonly user: U | undefined }>;

  constructor(lookUp: (userId: string) => Promise<U | undefined>, options: UserCacheOptions = {}) {
    const unknownTtl = options.unknownTtlMs ?? 60_000;
    this.#cache = new LRUCache<string, { readonly user: U | undefined }>({
      max: options.size ?? 1_000,
      ttl: options.ttlMs ?? 600_000,
      fetchMethod: async (userId, _stale, { options: entry }) => {
        const user = await lookUp(userId);
        if (user !== undefined) return { user };
        if (unknownTtl <= 0) return undefined;
        entry.ttl = unknownTtl;
        return { user: undefined };
      },
    });
  }

  /** The user, cached or looked up; undefined when the platform does not know the id. */
  async get(userId: string): Promise<U | undefined> {
    return (await this.#cache.fetch(userId))?.user;
  }
}
