import {
  ManualClock,
  MemoryChat,
  MemoryIssueRepo,
  MemoryOnCall,
  MemoryTickets,
} from '@zenslackchat/adapters-memory';
import { botSettings, SupportBot, silentLogger } from '@zenslackchat/core';

const clock = new ManualClock(new Date('2026-06-15T09:00:00Z'));
const chat = new MemoryChat({ platform: 'slack', clock });
const tickets = new MemoryTickets({ clock });
const onCall = new MemoryOnCall();
onCall.set('P-SRE', { primary: [{ name: 'Ann' }, { name: 'Bo' }], secondary: [] });
const settings = botSettings({ supportChannel: 'C-HELP', escalationPolicyId: 'P-SRE' });
const repo = new MemoryIssueRepo();
const bot = new SupportBot({ chat, tickets, onCall, repo, clock, logger: silentLogger, settings });

// Someone asks for help in the support channel: a ticket, a confirmation and the on-call notice.
chat.addUser({ id: 'U-ALICE', name: 'Alice', email: 'alice@example.com' });
const message = { platform: 'slack', channel: 'C-HELP', userId: 'U-ALICE', files: [] };
const root = '1781514000.000100';
const ask = (eventId: string, messageId: string, text: string, threadId?: string) =>
  bot.handleChatMessage({ ...message, eventId, messageId, text, ...(threadId ? { threadId } : {}) });
const opened = await ask('Ev1', root, 'VPN is down');
if (opened.outcome !== 'ticket-created') throw new Error(`unexpected: ${opened.outcome}`);

// An agent answers on the ticket; Alice replies and resolves in the thread; a day later, the report.
const agentReply = { body: 'Restarting it now', public: true, authorName: 'Dana' };
tickets.addExternalComment(opened.ticketId, agentReply);
await bot.handleTicketComments({ ticketId: opened.ticketId });
await ask('Ev2', '1781514100.000100', 'Works, thanks', root);
await ask('Ev3', '1781514200.000100', 'resolve', root);
clock.set(new Date('2026-06-16T08:00:00Z'));
await bot.postDailyReport();

const show = (prefix: string, text: string) =>
  process.stdout.write(`${prefix}${text.replaceAll('\n', ' / ')}\n`);
for (const posted of chat.messages) show(posted.threadId ? 'thread : ' : 'channel: ', posted.text);
for (const comment of tickets.comments(opened.ticketId)) show('ticket : ', comment.body);
