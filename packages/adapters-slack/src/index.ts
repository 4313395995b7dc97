export { type AcceptOutcome, acceptWithin } from './events/accept-within.ts';
export {
  messageEventSchema,
  normaliseMessageEvent,
  normaliseSlackMessage,
} from './events/normalise-slack-message.ts';
export { decodeSlackBody, type SlackEnvelope, slackEnvelopeSchema } from './events/slack-envelope.ts';
export {
  ACCEPT_RESULTS,
  type AcceptInput,
  type AcceptResult,
  DEFAULT_EVENTS_BODY_LIMIT,
  DEFAULT_EVENTS_PATH,
  type SlackEventsPluginOptions,
} from './events/slack-events-config.ts';
export { slackEventsPlugin } from './events/slack-events-plugin.ts';
export {
  SIGNATURE_FAILURES,
  type SignatureCheck,
  type SignatureFailure,
  secretsEqual,
  verifySlackSignature,
} from './events/verify-slack-signature.ts';
export {
  SLACK_BOT_SCOPES,
  SLACK_PROVIDER,
  type SlackOAuthPluginOptions,
} from './oauth/slack-oauth-config.ts';
export { slackOAuthPlugin } from './oauth/slack-oauth-plugin.ts';
export { slackTokenFromStore } from './oauth/slack-token-from-store.ts';
export {
  installationToToken,
  tokenStoreInstallationStore,
  tokenToInstallation,
} from './oauth/token-store-installation-store.ts';
export {
  SLACK_ADAPTER_ERROR_CODES,
  SlackAdapterError,
  type SlackAdapterErrorCode,
} from './slack-adapter-error.ts';
export { SlackChatAdapter } from './slack-chat-adapter.ts';
export {
  DEFAULT_SLACK_API_URL,
  DELIVERY_EVENT_TYPE,
  type SlackChatAdapterOptions,
  type SlackTokenSource,
  slackApiBase,
} from './slack-chat-config.ts';
export { reasonForHttpStatus, reasonForSlackError, SLACK, toSlackIntegrationError } from './slack-errors.ts';
export { toSlackLogger } from './slack-logger.ts';
export { buildSlackPermalink } from './slack-permalink.ts';
export {
  DEFAULT_MAX_SLACK_LENGTH,
  escapeSlack,
  type PlainToSlackOptions,
  plainToSlack,
} from './text/plain-to-slack.ts';
export {
  type ResolveUser,
  replaceEmojiCodes,
  slackToPlainText,
  unescapeSlack,
} from './text/slack-to-plain-text.ts';
export { toChatUser } from './to-chat-user.ts';
