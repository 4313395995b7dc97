import { describe, expect, it } from 'vitest';
import { type GrantStore, type StoredGrant, storedGrantToken } from '../src/index.ts';

interface Grant extends StoredGrant {
  readonly provider: string;
  readonly refreshToken?: string;
}

/** A store shared by "processes": one lock per grant, as the core's TokenStore promises. */
class SharedStore implements GrantStore<Grant> {
  readonly grants = new Map<string, Grant>();
  readonly #locks = new Map<string, Promise<unknown>>();
  reads = 0;

  async get(provider: string, account?: string) {
    this.reads += 1;
    if (account !== undefined) return this.grants.get(`${provider}/${account}`);
    return [...this.grants.values()].filter((g) => g.provider === provider).at(-1);
  }
  async save(grant: Grant) {
    this.grants.set(`${grant.provider}/${grant.account}`, grant);
  }
  withTokenLock<T>(provider: string, account: string, work: () => Promise<T>): Promise<T> {
    const key = `${provider}/${account}`;
    const run = (this.#locks.get(key) ?? Promise.resolve()).then(work, work);
    this.#locks.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }
}

const HOUR = 3_600_000;

function setup(expiresInMs: number) {
  const clock = { now: 10 * HOUR };
  const store = new SharedStore();
  void store.save({
    provider: 'vendor',
    account: 'acme',
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: new Date(clock.now + expiresInMs),
  });
  const refreshed: string[] = [];
  const refresh = async (grant: Grant): Promise<Grant> => {
    refreshed.push(grant.refreshToken ?? '');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const n = refreshed.length + 1;
    return {
      ...grant,
      accessToken: `access-${n}`,
      refreshToken: `refresh-${n}`,
      expiresAt: new Date(clock.now + HOUR),
    };
  };
  const getter = () =>
    storedGrantToken(store, {
      provider: 'vendor',
      account: 'acme',
      refresh,
      notConnected: () => new Error('not connected'),
      now: () => clock.now,
    });
  return { clock, store, refreshed, getter };
}

describe('storedGrantToken', () => {
  it('uses a grant that is not about to expire as stored, without refreshing', async () => {
    const { getter, refreshed } = setup(HOUR);
    expect(await getter()()).toBe('access-1');
    expect(refreshed).toEqual([]);
  });

  it('refreshes a grant inside the skew once for concurrent callers and writes the rotated refresh token back', async () => {
    const { getter, refreshed, store } = setup(30_000);
    const token = getter();
    expect(await Promise.all([token(), token(), token()])).toEqual(['access-2', 'access-2', 'access-2']);
    expect(refreshed).toEqual(['refresh-1']);
    expect(store.grants.get('vendor/acme')).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
    });
  });

  it('makes one refresh call when two processes refresh at once: the second uses the first one’s grant', async () => {
    const { getter, refreshed, store } = setup(-1);
    const [first, second] = [getter(), getter()];
    expect(await Promise.all([first(), second()])).toEqual(['access-2', 'access-2']);
    expect(refreshed).toEqual(['refresh-1']);
    expect(store.grants.get('vendor/acme')?.refreshToken).toBe('refresh-2');
  });

  it('refreshes again when the renewed grant in turn nears expiry', async () => {
    const { getter, refreshed, clock } = setup(-1);
    const token = getter();
    expect(await token()).toBe('access-2');
    clock.now += HOUR - 59_000;
    expect(await token()).toBe('access-3');
    expect(refreshed).toEqual(['refresh-1', 'refresh-2']);
  });

  it('keeps the token in memory for cacheMs, then reads the store again', async () => {
    const { store, clock } = setup(HOUR);
    const token = storedGrantToken(store, {
      provider: 'vendor',
      account: 'acme',
      notConnected: () => new Error('not connected'),
      cacheMs: 30_000,
      now: () => clock.now,
    });
    await token();
    await token();
    expect(store.reads).toBe(1);
    clock.now += 30_000;
    await token();
    expect(store.reads).toBe(2);
  });

  it('without refresh, uses even an expired grant as stored', async () => {
    const { store, clock } = setup(-HOUR);
    const token = storedGrantToken(store, {
      provider: 'vendor',
      notConnected: () => new Error('not connected'),
      now: () => clock.now,
    });
    expect(await token()).toBe('access-1');
  });

  it('throws notConnected when nothing is stored, and passes refresh errors through, saving nothing', async () => {
    const empty = new SharedStore();
    const missing = storedGrantToken(empty, {
      provider: 'vendor',
      notConnected: () => new Error('connect it'),
    });
    await expect(missing()).rejects.toThrow('connect it');

    const { store, clock } = setup(-1);
    const refused = storedGrantToken(store, {
      provider: 'vendor',
      account: 'acme',
      refresh: async () => {
        throw new Error('invalid_grant');
      },
      notConnected: () => new Error('not connected'),
      now: () => clock.now,
    });
    await expect(refused()).rejects.toThrow('invalid_grant');
    expect(store.grants.get('vendor/acme')?.accessToken).toBe('access-1');
  });
});
