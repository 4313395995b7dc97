import { describe, expect, it } from 'vitest';
import { OAuthStateSigner, readCookie, stateCookieHeader } from '../src/index.ts';

const now = new Date('2026-01-01T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const signer = new OAuthStateSigner('a state secret long enough');

describe('OAuthStateSigner', () => {
  it('accepts its own state from the same session with the matching cookie, and returns its data', () => {
    const state = signer.issue('session-1', now, { next: '/' });
    expect(signer.check({ param: state, cookie: state, binding: 'session-1', now: later(1000) })).toEqual({
      ok: true,
      data: { next: '/' },
    });
  });

  it('refuses a forged cookie with a matching state parameter', () => {
    const forged = 'attacker-chosen-state';
    expect(signer.check({ param: forged, cookie: forged, binding: 'session-1', now })).toEqual({
      ok: false,
      reason: 'forged',
    });
    const [payload] = signer.issue('session-1', now).split('.');
    const other = new OAuthStateSigner('another secret, also long');
    const resigned = other.issue('session-1', now);
    expect(signer.check({ param: resigned, cookie: resigned, binding: 'session-1', now }).ok).toBe(false);
    const tampered = `${payload}.AAAA`;
    expect(signer.check({ param: tampered, cookie: tampered, binding: 'session-1', now })).toMatchObject({
      reason: 'forged',
    });
  });

  it('refuses a state issued to another session, an expired one, a cookie that differs, and missing parts', () => {
    const state = signer.issue('session-1', now);
    const check = (
      param: string | undefined,
      cookie: string | undefined,
      binding: string | undefined,
      at = now,
    ) => signer.check({ param, cookie, binding, now: at });
    expect(check(state, state, 'session-2')).toMatchObject({ reason: 'other-session' });
    expect(check(state, state, 'session-1', later(10 * 60 * 1000))).toMatchObject({ reason: 'expired' });
    expect(check(state, signer.issue('session-1', now), 'session-1')).toMatchObject({
      reason: 'cookie-mismatch',
    });
    expect(check(undefined, state, 'session-1')).toMatchObject({ reason: 'missing' });
    expect(check(state, undefined, 'session-1')).toMatchObject({ reason: 'missing' });
    expect(check(state, state, undefined)).toMatchObject({ reason: 'missing' });
  });

  it('derives a per-state secret that differs by state and purpose', () => {
    const a = signer.issue('s', now);
    const b = signer.issue('s', now);
    expect(signer.derive(a, 'pkce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.derive(a, 'pkce')).toBe(signer.derive(a, 'pkce'));
    expect(signer.derive(a, 'pkce')).not.toBe(signer.derive(b, 'pkce'));
    expect(signer.derive(a, 'pkce')).not.toBe(signer.derive(a, 'other'));
  });

  it('opens a genuine, unexpired state without the session checks, and nothing else', () => {
    const state = signer.issue('s', now, { a: '1' });
    expect(signer.open(state, now)).toEqual({ a: '1' });
    expect(signer.open(state, later(10 * 60 * 1000))).toBeUndefined();
    expect(signer.open(`${state}x`, now)).toBeUndefined();
  });

  it('refuses a short secret', () => {
    expect(() => new OAuthStateSigner('short')).toThrow(RangeError);
  });
});

describe('state cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped, Secure on https, and read back', () => {
    const header = stateCookieHeader({ name: 'zsc_x', path: '/x/oauth/', secure: true }, 'v.1', 600);
    expect(header).toBe('zsc_x=v.1; Path=/x/oauth/; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
    expect(readCookie('a=1; zsc_x=v.1=; b=2', 'zsc_x')).toBe('v.1=');
    expect(readCookie('zsc_x=', 'zsc_x')).toBeUndefined();
  });
});
