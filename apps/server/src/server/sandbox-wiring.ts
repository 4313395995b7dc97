import { join } from 'node:path';
import { MemoryChat, MemoryTickets } from '@zenslackchat/adapters-memory';
import type { BotSettings, Clock } from '@zenslackchat/core';
import type { DependencyContainer } from 'tsyringe';
import type { AppConfig } from '../config/index.ts';
import type { AdapterOverrides } from '../container/build-container.ts';
import { ServerTokens } from '../container/tokens.ts';
import { intakeDeps } from '../http/integration-routes.ts';
import { acceptChatEvent, acceptTicketNotice } from '../jobs/durable-intake.ts';
import { MemorySandbox } from '../web/sandbox/memory-sandbox.ts';

/** The support channel of the sandbox when SRE_SUPPORT_CHANNEL is not set. */
export const SANDBOX_CHANNEL = 'C0SANDBOX';

/** Where this server is reached: https://PAAS_FQDN, else http://localhost:PORT. */
export function sandboxBaseUrl(config: AppConfig): string {
  const host = config.allowedHosts[0];
  return host === undefined ? `http://localhost:${config.port}` : `https://${host}`;
}

/** A sandbox thread's link, as the sandbox's memory chat builds its permalinks. */
export function sandboxThreadUrl(config: AppConfig, channel: string, threadId: string): string {
  return `${sandboxBaseUrl(config)}/sandbox/archives/${channel}/p${threadId.replace('.', '')}`;
}

/** In-memory chat and tickets for `--sandbox`, and the configuration without any real vendor. */
export function sandboxSetup(
  config: AppConfig,
  clock: Clock,
): { config: AppConfig; adapters: AdapterOverrides } {
  const { slack: _slack, zendesk: _zendesk, pagerDuty: _pagerDuty, ...rest } = config;
  // Its own embedded database (./.data/sandbox), even with DATABASE_URL: simulated issues and
  // reports never reach the real bot's pages, and the real bot's queue never reaches the sandbox.
  const { dataDir } = config.database;
  const sandboxDir = dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'sandbox');
  return {
    config: {
      ...rest,
      database: { dataDir: sandboxDir },
      bot: { ...config.bot, supportChannel: config.bot.supportChannel ?? SANDBOX_CHANNEL },
      notes: [
        ...config.notes,
        `sandbox mode: in-memory chat and tickets, its own database in ${sandboxDir}; no request reaches a real vendor`,
      ],
    },
    // Links the bot posts (tickets, threads) open the sandbox page, not example domains.
    adapters: {
      chat: new MemoryChat({ clock, workspaceUrl: `${sandboxBaseUrl(config)}/sandbox` }),
      tickets: new MemoryTickets({ clock, ticketBaseUrl: `${sandboxBaseUrl(config)}/sandbox/tickets` }),
    },
  };
}

/** The sandbox page's controls over the memory adapters, feeding the real durable intake. */
export function sandboxControls(container: DependencyContainer, adapters: AdapterOverrides, clock: Clock) {
  const config = container.resolve<AppConfig>(ServerTokens.Config);
  const intake = intakeDeps(container);
  const settings = container.resolve<BotSettings>(ServerTokens.BotSettings);
  return new MemorySandbox({
    chat: adapters.chat as MemoryChat,
    tickets: adapters.tickets as MemoryTickets,
    channel: config.bot.supportChannel ?? SANDBOX_CHANNEL,
    intake: {
      acceptChat: (input) => acceptChatEvent(intake, input),
      acceptTicket: (input) => acceptTicketNotice(intake, input),
    },
    clock,
    // The forms take what the bot copies across (ATTACHMENT_MAX_MB), never more.
    maxFileBytes: settings.maxAttachmentBytes,
  });
}
