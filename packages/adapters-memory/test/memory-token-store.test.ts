import { describe, expect, it } from 'vitest';
import { MemoryTokenStore } from '../src/index.ts';

const grant = {
  provider: 'zendesk',
  account: 'acme',
  accessToken: 'secret',
  scopes: ['read'],
  metadata: { agent: '42' },
  updatedAt: new Date('2026-11-02T09:00:00.000Z'),
};

describe('MemoryTokenStore specifics', () => {
  it('fails the next call on an injected fault and stores nothing', async () => {
    const store = new MemoryTokenStore();
    store.faults.failNext('unavailable');
    await expect(store.save(grant)).rejects.toMatchObject({ reason: 'Unavailable' });
    expect(await store.get('zendesk', 'acme')).toBeUndefined();
  });

  it('keeps its own copy of a grant', async () => {
    const store = new MemoryTokenStore();
    const scopes = ['read'];
    await store.save({ ...grant, scopes });
    scopes.push('write');
    const read = await store.get('zendesk');
    (read?.scopes as string[] | undefined)?.push('admin');
    expect((await store.get('zendesk', 'acme'))?.scopes).toEqual(['read']);
  });
});
