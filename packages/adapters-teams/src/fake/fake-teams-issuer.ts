import type { IncomingMessage } from 'node:http';
import { checkFakeClient } from '@zenslackchat/adapter-kit';
import type { Answer } from './fake-teams-http.ts';
import type { FakeSigningKey } from './fake-teams-keys.ts';
import { signToken } from './fake-teams-keys.ts';

/** Audience of the app-only tokens the bot presents to the Bot Connector. */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';
/** Audience of the app-only tokens the bot presents to Microsoft Graph. */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** The resources the fake issues tokens for (scope `{resource}/.default`). */
const AUDIENCES = [BOT_CONNECTOR_AUDIENCE, GRAPH_AUDIENCE];
/** Issuer of the fake's app-only tokens (Entra ID's v2 issuer shape). */
export const fakeEntraIssuer = (tenantId: string) => `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** The app the fake issuer knows. */
export interface FakeApp {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
}

/**
 * `POST /{tenant}/oauth2/v2.0/token`, the client-credentials grant as Entra ID documents it:
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 * (form body; success `{token_type, expires_in, ext_expires_in, access_token}`; errors
 * `{error, error_description}`, `invalid_client` with 401 for a wrong secret).
 */
export async function answerTokenRequest(
  tenant: string,
  form: URLSearchParams,
  app: FakeApp,
  key: FakeSigningKey,
): Promise<Answer> {
  const error = (status: number, code: string, description: string): Answer => ({
    status,
    body: { error: code, error_description: description },
  });
  if (form.get('grant_type') !== 'client_credentials')
    return error(400, 'unsupported_grant_type', 'AADSTS70003');
  if (tenant !== app.tenantId) return error(400, 'invalid_request', 'AADSTS90002: Tenant not found.');
  const client = { clientId: app.appId, clientSecret: app.appPassword };
  const check = checkFakeClient(
    client,
    form.get('client_id') ?? undefined,
    form.get('client_secret') ?? undefined,
  );
  if (check === 'unknown-client') return error(400, 'unauthorized_client', 'AADSTS700016');
  if (check === 'wrong-secret') return error(401, 'invalid_client', 'AADSTS7000215');
  // The client-credentials grant takes only `{resource}/.default` scopes (same page).
  const audience = AUDIENCES.find((a) => form.get('scope') === `${a}/.default`);
  if (audience === undefined) return error(400, 'invalid_scope', 'AADSTS70011');
  const accessToken = await signToken(key, {
    issuer: fakeEntraIssuer(app.tenantId),
    audience,
    extra: { appid: app.appId, tid: app.tenantId },
  });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
  };
}

/**
 * The Bot Connector's OpenID metadata and keys for tokens sent to bots, as the authentication
 * page describes them (metadata names `jwks_uri`; each key lists the channels that endorse it):
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot
 */
export function openIdMetadata(baseUrl: string, issuer: string): Answer {
  return {
    status: 200,
    body: {
      issuer,
      authorization_endpoint: 'https://invalid.botframework.com/v1/auth/authorize',
      jwks_uri: `${baseUrl}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    },
  };
}

/** The JWKS document, keys endorsed for the `msteams` channel (same page as above). */
export function jwks(keys: readonly FakeSigningKey[]): Answer {
  return { status: 200, body: { keys: keys.map((k) => ({ ...k.jwk, endorsements: ['msteams'] })) } };
}

/** Reads a request body whole. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
