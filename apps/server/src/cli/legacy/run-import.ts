import { IssueRepo, TicketPort } from '@zenslackchat/core';
import type { AppConfig } from '../../config/index.ts';
import { buildServer } from '../../server/build-server.ts';
import { UsageError } from '../../server/startup-error.ts';
import type { CommandIo, CommandResult } from '../cli-commands.ts';
import { importLegacyIssue, type LegacyOutcome } from './import-legacy.ts';
import { readLegacyIssues } from './legacy-issues.ts';

/** What `import-legacy` is asked to do. */
export interface ImportRequest {
  readonly from: string;
  readonly dryRun: boolean;
  /** Closed issues are imported when closed within this many days (the report's look-back). */
  readonly days: number;
}

/**
 * `import-legacy`: reads the original bot's open and recently closed issues from `from` and
 * records each here with its thread, ticket and status. A dry run reads and compares only.
 */
export async function importLegacy(
  config: AppConfig,
  request: ImportRequest,
  io: CommandIo = {},
  now: Date = new Date(),
): Promise<CommandResult> {
  const closedSince = new Date(now.getTime() - request.days * 86_400_000);
  const legacy = await readLegacyIssues(request.from, closedSince);
  const server = await buildServer(config, { role: 'worker', ...io });
  try {
    const tickets = server.container.isRegistered(TicketPort)
      ? server.container.resolve<TicketPort>(TicketPort)
      : undefined;
    if (!request.dryRun && tickets === undefined) {
      throw new UsageError(
        'import-legacy needs Zendesk configured (it starts each ticket’s comment sync after its newest comment); --dry-run works without',
      );
    }
    const repo = server.container.resolve<IssueRepo>(IssueRepo);
    const outcomes: LegacyOutcome[] = [];
    for (const issue of legacy.issues)
      outcomes.push(await importLegacyIssue(repo, tickets, issue, request.dryRun));
    const count = (action: LegacyOutcome['action']) => outcomes.filter((o) => o.action === action).length;
    return {
      dryRun: request.dryRun,
      found: legacy.issues.length,
      ...(request.dryRun ? { wouldImport: count('import') } : { imported: count('imported') }),
      alreadyImported: count('exists'),
      invalid: legacy.invalid,
      issues: outcomes,
    };
  } finally {
    await server.stop();
  }
}
