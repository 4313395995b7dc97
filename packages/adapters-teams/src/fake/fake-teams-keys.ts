import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * A signing key of the fake issuer, with its public JWK as the JWKS document lists it (RS256, `kid`,
 * as the Bot Connector's OpenID metadata points to:
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot).
 */
export interface FakeSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

/** Makes an RS256 key pair (the only algorithm Bot Framework tokens use). */
export async function makeSigningKey(kid: string): Promise<FakeSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, kty: 'RSA', use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwk };
}

/** What goes into a token the fake signs; tests vary each part to forge one. */
export interface TokenClaims {
  readonly issuer: string;
  readonly audience: string;
  readonly expiresInS?: number;
  readonly notBeforeS?: number;
  readonly extra?: Record<string, unknown>;
}

/** Signs a JWT with `key` (header `kid` + `x5t`-less, as Bot Framework tokens carry `kid`). */
export async function signToken(key: FakeSigningKey, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims.extra })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt(now)
    .setNotBefore(now + (claims.notBeforeS ?? -60))
    .setExpirationTime(now + (claims.expiresInS ?? 3600))
    .sign(key.privateKey);
}
