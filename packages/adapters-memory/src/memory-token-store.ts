import type { StoredToken, TokenStore } from '@zenslackchat/core';
import { FaultInjector } from './fault-injector.ts';

function copyToken(token: StoredToken): StoredToken {
  return {
    ...token,
    ...(token.expiresAt === undefined ? {} : { expiresAt: new Date(token.expiresAt) }),
    scopes: [...token.scopes],
    metadata: { ...token.metadata },
    updatedAt: new Date(token.updatedAt),
  };
}

function newestFirst(a: StoredToken, b: StoredToken): number {
  return b.updatedAt.getTime() - a.updatedAt.getTime();
}

/** An in-memory TokenStore: one grant per provider+account, kept as given (not encrypted). */
export class MemoryTokenStore implements TokenStore {
  /** Failures for the next calls; `timeout` changes nothing. */
  readonly faults = new FaultInjector({ integration: 'memory-token-store', timeoutAfterWork: false });
  readonly #tokens = new Map<string, StoredToken>();
  /** The tail of each grant's queue of lock holders. */
  readonly #locks = new Map<string, Promise<unknown>>();

  save(token: StoredToken): Promise<void> {
    return this.faults.run('save', () => {
      this.#tokens.set(JSON.stringify([token.provider, token.account]), copyToken(token));
    });
  }

  get(provider: string, account?: string): Promise<StoredToken | undefined> {
    return this.faults.run('get', () => {
      if (account !== undefined) {
        const token = this.#tokens.get(JSON.stringify([provider, account]));
        return token === undefined ? undefined : copyToken(token);
      }
      const [latest] = this.#ofProvider(provider);
      return latest === undefined ? undefined : copyToken(latest);
    });
  }

  list(provider: string): Promise<readonly StoredToken[]> {
    return this.faults.run('list', () => this.#ofProvider(provider).map(copyToken));
  }

  delete(provider: string, account: string): Promise<void> {
    return this.faults.run('delete', () => {
      this.#tokens.delete(JSON.stringify([provider, account]));
    });
  }

  async withTokenLock<T>(provider: string, account: string, work: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([provider, account]);
    const previous = this.#locks.get(key) ?? Promise.resolve();
    const turn = previous.then(work);
    const tail = turn.catch(() => {});
    this.#locks.set(key, tail);
    try {
      return await turn;
    } finally {
      if (this.#locks.get(key) === tail) this.#locks.delete(key);
    }
  }

  #ofProvider(provider: string): StoredToken[] {
    return [...this.#tokens.values()].filter((t) => t.provider === provider).sort(newestFirst);
  }
}
