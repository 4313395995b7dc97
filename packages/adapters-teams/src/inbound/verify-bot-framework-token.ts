import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { BotFrameworkKeys } from './bot-framework-keys.ts';

/** Why an inbound request's token was refused. */
export const TOKEN_FAILURES = [
  'missing',
  'malformed',
  'keys-unavailable',
  'unknown-key',
  'bad-signature',
  'expired',
  'claims',
  'endorsement',
  'service-url',
] as const;
export type TokenFailure = (typeof TOKEN_FAILURES)[number];

/** What the check needs besides the keys. */
export interface TokenCheck {
  readonly authorization: string | undefined;
  /** The bot's app id: the token's audience. */
  readonly appId: string;
  /** `https://api.botframework.com` for the public cloud. */
  readonly issuer: string;
  /** The activity's `serviceUrl`, which the token's `serviceurl` claim must equal. */
  readonly serviceUrl: string;
  /** The activity's `channelId` (`msteams`), which the signing key must be endorsed for. */
  readonly channelId: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Verifies a Bot Connector request as the authentication page lists it: a Bearer JWT, RS256,
 * signed by a key from the OpenID metadata endorsed for the activity's channel, issuer
 * `https://api.botframework.com`, audience = the app id, not expired (5 min skew), and a
 * `serviceurl` claim equal to the activity's `serviceUrl`. Null when valid.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot
 */
export async function verifyBotFrameworkToken(
  keys: BotFrameworkKeys,
  check: TokenCheck,
): Promise<TokenFailure | null> {
  const token = /^Bearer ([^\s]+)$/.exec(check.authorization ?? '')?.[1];
  if (token === undefined) return 'missing';
  let kid: string | undefined;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    return 'malformed';
  }
  let set: Awaited<ReturnType<BotFrameworkKeys['get']>>;
  try {
    set = await keys.get(kid);
  } catch {
    return 'keys-unavailable';
  }
  const endorsements = set.endorsements(kid);
  if (endorsements === undefined) return 'unknown-key';
  if (!endorsements.includes(check.channelId)) return 'endorsement';
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(token, set.getKey, {
      issuer: check.issuer,
      audience: check.appId,
      algorithms: ['RS256'],
      clockTolerance: 300,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JWTClaimValidationFailed) return 'claims';
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
    return 'malformed';
  }
  const serviceUrl = claims.serviceurl;
  if (typeof serviceUrl !== 'string' || trimSlash(serviceUrl) !== trimSlash(check.serviceUrl))
    return 'service-url';
  return null;
}
