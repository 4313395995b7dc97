import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from '../src/events/verify-slack-signature.ts';
import { signSlackRequest } from '../src/fake/index.ts';

// The worked example from Slack's "Verifying requests from Slack" guide.
const slackExample = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('signSlackRequest / verifySlackSignature', () => {
  it('reproduces Slack’s documented example signature', () => {
    const headers = signSlackRequest(slackExample.body, slackExample.secret, slackExample.timestamp);
    expect(headers['x-slack-signature']).toBe(slackExample.signature);
    expect(
      verifySlackSignature({
        rawBody: Buffer.from(slackExample.body),
        timestamp: String(slackExample.timestamp),
        signature: slackExample.signature,
        signingSecret: slackExample.secret,
        nowMs: slackExample.timestamp * 1000 + 60_000,
      }),
    ).toBeNull();
  });

  it.each([
    ['missing', undefined, 'v0=00', 0],
    ['malformed', '12a', `v0=${'0'.repeat(64)}`, 0],
    ['stale', '1000', `v0=${'0'.repeat(64)}`, 1301],
    ['future', '2000', `v0=${'0'.repeat(64)}`, 1699],
    ['mismatch', '1000', `v0=${'0'.repeat(64)}`, 1000],
  ] as const)('reports %s', (failure, timestamp, signature, nowS) => {
    expect(
      verifySlackSignature({
        rawBody: Buffer.from('{}'),
        timestamp,
        signature,
        signingSecret: 's',
        nowMs: nowS * 1000,
      }),
    ).toBe(failure);
  });
});
