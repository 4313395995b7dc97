import type { Issue } from '../domain/issue.ts';
import type { MessageItem, MessageLink, MessageSection } from '../domain/message-section.ts';
import { dailyReport } from '../messages.ts';

/** How many open and how many resolved issues the report lists before "and N more". */
export const REPORT_LIST_LIMIT = 20;
const SUMMARY_MAX = 80;

/** Links of one listed issue (absent when it has no thread or ticket, or the link failed). */
export interface ReportLinks {
  readonly thread?: string;
  readonly ticket?: string;
}

/** What the report says: counts, the lists (already cut to the limit) and each issue's links. */
export interface ReportFacts {
  readonly openCount: number;
  readonly resolvedCount: number;
  readonly periodLabel: string;
  readonly open: readonly Issue[];
  readonly resolved: readonly Issue[];
  readonly links: ReadonlyMap<string, ReportLinks>;
  readonly now: Date;
}

/** A message with its structured form: `text` says everything the sections say. */
export interface ReportContent {
  readonly text: string;
  readonly sections: readonly MessageSection[];
}

/** How long ago, in the largest whole unit that reads well: `45m`, `5h`, `12d`. */
export function ageLabel(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

function title(issue: Issue): string {
  const text = issue.summary ?? (issue.ticketId === null ? 'Untitled issue' : `Ticket ${issue.ticketId}`);
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_MAX ? flat : `${flat.slice(0, SUMMARY_MAX - 1)}…`;
}

function item(issue: Issue, facts: ReportFacts, age: boolean): MessageItem {
  const found = facts.links.get(issue.id) ?? {};
  const links: MessageLink[] = [];
  if (found.thread !== undefined) links.push({ label: 'thread', url: found.thread });
  if (found.ticket !== undefined) links.push({ label: 'ticket', url: found.ticket });
  return { text: title(issue), ...(age ? { detail: ageLabel(issue.openedAt, facts.now) } : {}), links };
}

function list(
  sectionTitle: string,
  issues: readonly Issue[],
  total: number,
  facts: ReportFacts,
  age: boolean,
) {
  const items = issues.slice(0, REPORT_LIST_LIMIT).map((issue) => item(issue, facts, age));
  const more = Math.max(0, total - items.length);
  return { title: sectionTitle, items, ...(more > 0 ? { more } : {}) } satisfies MessageSection;
}

function sectionText(section: MessageSection): string {
  const lines = section.title === undefined ? [] : [`${section.title}:`];
  if (section.text !== undefined) lines.push(section.text);
  for (const entry of section.items ?? []) {
    const detail = entry.detail === undefined ? '' : ` (${entry.detail})`;
    const links = entry.links.map((link) => ` ${link.label}: ${link.url}`).join('');
    lines.push(`• ${entry.text}${detail}${links}`);
  }
  if (section.more !== undefined) lines.push(`and ${section.more} more`);
  return lines.join('\n');
}

/** The daily report: counts, open issues oldest first with age and links, then the period's resolutions. */
export function dailyReportContent(facts: ReportFacts): ReportContent {
  const sections: MessageSection[] = [
    { text: dailyReport(facts.openCount, facts.resolvedCount, facts.periodLabel) },
  ];
  if (facts.openCount > 0)
    sections.push(list('Open issues, oldest first', facts.open, facts.openCount, facts, true));
  if (facts.resolvedCount > 0) {
    sections.push(list(`Resolved ${facts.periodLabel}`, facts.resolved, facts.resolvedCount, facts, false));
  }
  return { text: sections.map(sectionText).join('\n\n'), sections };
}
