import type {
  ChatHarness,
  ChatMarkup,
  ChatPlatformFixtures,
  FaultKind,
  FaultOptions,
  RecordedMessage,
} from '@zenslackchat/core/testing';
import { escapeUTF8 } from 'entities';
import { TeamsChatAdapter } from '../teams-chat-adapter.ts';
import type { TeamsChatAdapterOptions } from '../teams-chat-config.ts';
import { FAKE_TEAMS_CHANNEL, FakeTeams, type FakeTeamsOptions } from './fake-teams.ts';

/** A ChatPort harness backed by a fresh FakeTeams, plus the fake itself for extra assertions. */
export interface TeamsChatHarness extends ChatHarness, ChatPlatformFixtures {
  readonly port: TeamsChatAdapter;
  readonly fake: FakeTeams;
}

/** Teams' message HTML as a person's post carries it (`<at>` mentions name the user). */
export const teamsMarkup: ChatMarkup = {
  mention: (_userId, name) => `<at>${escapeUTF8(name)}</at>`,
  link: (url, label) => `<a href="${escapeUTF8(url)}">${escapeUTF8(label)}</a>`,
  text: (plain) => escapeUTF8(plain),
};

/** Client timeout the harness uses; an injected `timeout` answers well after it. */
const HARNESS_TIMEOUT_MS = 1000;

/** The adapter options that point a `TeamsChatAdapter` at `fake`. */
export function adapterOptionsFor(fake: FakeTeams): TeamsChatAdapterOptions {
  return {
    appId: fake.app.appId,
    appPassword: fake.app.appPassword,
    tenantId: fake.app.tenantId,
    channel: FAKE_TEAMS_CHANNEL,
    serviceUrl: fake.serviceUrl,
    loginUrl: fake.url,
    teamId: fake.teamId,
    graphUrl: fake.graphUrl,
  };
}

/** Builds the core ChatPort contract harness: a FakeTeams and a TeamsChatAdapter pointed at it. */
export async function teamsChatHarness(
  options: { readonly fake?: FakeTeamsOptions; readonly adapter?: Partial<TeamsChatAdapterOptions> } = {},
): Promise<TeamsChatHarness> {
  const fake = await FakeTeams.start(options.fake);
  const port = new TeamsChatAdapter({
    ...adapterOptionsFor(fake),
    timeoutMs: HARNESS_TIMEOUT_MS,
    unknownUserTtlMs: 0,
    ...options.adapter,
  });
  return {
    port,
    fake,
    channel: FAKE_TEAMS_CHANNEL,
    markup: teamsMarkup,
    addUser: (user) => fake.addUser(user),
    posted: (): readonly RecordedMessage[] =>
      fake.state.messages.map((m) => ({
        id: m.id,
        channel: m.channel,
        text: m.text,
        ...(m.rootId === undefined ? {} : { threadId: m.rootId }),
      })),
    failNext: (kind: FaultKind, fault: FaultOptions = {}) =>
      fake.failNext(kind, { ...fault, ...(kind === 'timeout' ? { delayMs: HARNESS_TIMEOUT_MS * 4 } : {}) }),
    close: () => fake.close(),
  };
}
