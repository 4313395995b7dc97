export { SlackChatAdapter } from './slack-chat-adapter.ts';
export {
  DEFAULT_SLACK_API_URL,
  DELIVERY_EVENT_TYPE,
  type SlackChatAdapterOptions,
  type SlackTokenSource,
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
