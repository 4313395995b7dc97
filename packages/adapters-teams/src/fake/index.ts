export { teamsToPlainText } from '../text/teams-to-plain-text.ts';
export { FAKE_TEAMS_CHANNEL, FAKE_TEAMS_TEAM_ID, FakeTeams, type FakeTeamsOptions } from './fake-teams.ts';
export type { FakeApp } from './fake-teams-issuer.ts';
export { type FakeSigningKey, makeSigningKey } from './fake-teams-keys.ts';
export type { FakeTeamsCall, FakeTeamsMessage } from './fake-teams-state.ts';
export { type ChannelMessageInput, messageActivityOf, sendActivity } from './message-activity-of.ts';
export {
  adapterOptionsFor,
  type TeamsChatHarness,
  teamsChatHarness,
  teamsMarkup,
} from './teams-chat-harness.ts';
