import { describe, expect, it } from 'vitest';
import { MemoryOnCall } from '../src/index.ts';

describe('MemoryOnCall specifics', () => {
  it('replaces a policy when set again and keeps emails', async () => {
    const onCall = new MemoryOnCall();
    onCall.set('P1', { primary: [{ name: 'Ann' }], secondary: [] });
    onCall.set('P1', { primary: [{ name: 'Bob', email: 'bob@x.io' }], secondary: [{ name: 'Cy' }] });
    expect(await onCall.whoIsOnCall('P1')).toEqual({
      primary: [{ name: 'Bob', email: 'bob@x.io' }],
      secondary: [{ name: 'Cy' }],
    });
  });
});
