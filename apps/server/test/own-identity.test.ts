import type { ChatIdentity, ChatPort } from '@zenslackchat/core';
import { silentLogger } from '@zenslackchat/core';
import { describe, expect, it } from 'vitest';
import { OWN_IDENTITY_RETRY_MS, ownIdentity } from '../src/jobs/own-identity.ts';

/** A chat port whose `whoAmI` answers from a script, counting calls. */
function scriptedChat(answers: (ChatIdentity | Error)[]) {
  let calls = 0;
  const chat = {
    whoAmI: async () => {
      calls += 1;
      const answer = answers.shift();
      if (answer === undefined || answer instanceof Error) throw answer ?? new Error('no answer');
      return answer;
    },
  } as unknown as ChatPort;
  return { chat, calls: () => calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ownIdentity', () => {
  it('answers undefined until the lookup succeeded, then the cached identity without asking again', async () => {
    const { chat, calls } = scriptedChat([{ userId: 'UBOT', botId: 'BBOT' }]);
    const self = ownIdentity(chat, { now: () => new Date(0) }, silentLogger);
    expect(self.known()).toBeUndefined();
    expect(self.known()).toBeUndefined();
    await settle();
    expect(self.known()).toEqual({ userId: 'UBOT', botId: 'BBOT' });
    expect(self.known()).toEqual({ userId: 'UBOT', botId: 'BBOT' });
    expect(calls()).toBe(1);
  });

  it('after a failed lookup waits OWN_IDENTITY_RETRY_MS before asking again', async () => {
    let now = 0;
    const { chat, calls } = scriptedChat([new Error('not_authed'), { userId: 'UBOT' }]);
    const self = ownIdentity(chat, { now: () => new Date(now) }, silentLogger);
    expect(self.known()).toBeUndefined();
    await settle();
    now += OWN_IDENTITY_RETRY_MS - 1;
    expect(self.known()).toBeUndefined();
    expect(calls()).toBe(1);
    now += 1;
    expect(self.known()).toBeUndefined();
    await settle();
    expect(self.known()).toEqual({ userId: 'UBOT' });
    expect(calls()).toBe(2);
  });
});
