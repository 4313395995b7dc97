/**
 * Builds a message link from the workspace base URL, accepting the base with or without the
 * `/archives` suffix (the original bot's SLACK_WORKSPACE_URI includes it):
 * `https://acme.slack.com/archives` + `C1`, `1700000000.000100` →
 * `https://acme.slack.com/archives/C1/p1700000000000100`.
 */
export function buildSlackPermalink(workspaceUrl: string, channel: string, ts: string): string {
  const base = workspaceUrl.replace(/\/+$/, '').replace(/\/archives$/, '');
  return `${base}/archives/${encodeURIComponent(channel)}/p${ts.replace('.', '')}`;
}
