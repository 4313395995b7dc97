import type { ChatPort } from '@zenslackchat/core';
import type { DependencyContainer } from 'tsyringe';
import { ServerTokens } from './tokens.ts';

/** A chat platform the bot works on: its port, the channel it watches, the bots it trusts. */
export interface ChatPlatform {
  readonly chat: ChatPort;
  readonly supportChannel: string;
  readonly allowedBotIds: readonly string[];
}

/** Every configured chat platform with a support channel, by platform name (Slack first). */
export type ChatPlatforms = ReadonlyMap<string, ChatPlatform>;

/** The container's chat platforms (empty when none is configured). */
export function chatPlatforms(container: DependencyContainer): ChatPlatforms {
  return container.isRegistered(ServerTokens.ChatPlatforms)
    ? container.resolve<ChatPlatforms>(ServerTokens.ChatPlatforms)
    : new Map();
}

/** True when jobs can run: tickets and at least one chat platform with a channel. */
export function botCanRun(container: DependencyContainer): boolean {
  return container.isRegistered(ServerTokens.SupportBot) && chatPlatforms(container).size > 0;
}
