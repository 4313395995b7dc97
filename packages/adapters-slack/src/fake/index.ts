export type { DeliverOptions, FakeAppConnection, FakeDelivery } from './fake-event-sender.ts';
export { type CannedAnswer, FakeSlack, type FakeSlackOptions } from './fake-slack.ts';
export { FAKE_FAILURE_KINDS, type FakeFailureKind, type FakeFailureOptions } from './fake-slack-failures.ts';
export { type FakeFileInput, FakeSlackFiles, fileShareEventOf } from './fake-slack-files.ts';
export { FAKE_METHODS, type FakeMethod, type SlackAnswer } from './fake-slack-methods.ts';
export { ChannelRateLimit, type FakePostRate } from './fake-slack-rate-limit.ts';
export {
  FAKE_SLACK_MODES,
  FAKE_USER_KINDS,
  type FakeCall,
  type FakeMessage,
  type FakeMetadata,
  type FakeSlackIdentity,
  type FakeSlackMode,
  type FakeSlackUser,
  type FakeUserKind,
} from './fake-slack-state.ts';
export { FakeSlackUploads, type FakeUploadedFile } from './fake-slack-uploads.ts';
export { handleOf, userObject } from './fake-slack-users.ts';
export * from './fixtures.ts';
export { messageChangedEventOf, messageDeletedEventOf } from './message-change-event-of.ts';
export { messageEventOf } from './message-event-of.ts';
export { type SlackSignatureHeaders, signSlackRequest } from './sign-slack-request.ts';
export { type SlackChatHarness, slackChatHarness } from './slack-chat-harness.ts';
