import type { ReportRecord } from '@zenslackchat/core';
import { html, type SafeHtml } from '../html.ts';

const WIDTH = 900;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 44 } as const;
const ANCHORS = ['start', 'middle', 'end'] as const;
export const CHART_COLOURS = { open: '#0b5cad', resolved: '#136c2e' } as const;

/** The `days` calendar days (YYYY-MM-DD, UTC) ending with the day of `today`, oldest first. */
export function lastDays(today: Date, days: number): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, i) =>
    new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * An inline SVG chart of open issues (line) and resolved per day (bars) over `days`, from the
 * reports posted; days without a report are gaps. Accessible name and description included.
 */
export function reportChart(reports: readonly ReportRecord[], today: Date, days = 90): SafeHtml {
  const axis = lastDays(today, days);
  const byDay = new Map(reports.map((r) => [r.day, r]));
  const max = Math.max(
    1,
    ...axis.map((d) => Math.max(byDay.get(d)?.openCount ?? 0, byDay.get(d)?.resolvedCount ?? 0)),
  );
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotW / days;
  const x = (i: number) => MARGIN.left + i * step;
  const y = (value: number) => MARGIN.top + plotH - (value / max) * plotH;
  const bars = axis.flatMap((day, i) => {
    const count = byDay.get(day)?.resolvedCount ?? 0;
    if (count === 0) return [];
    return [
      html`<rect x="${(x(i) + step * 0.15).toFixed(1)}" y="${y(count).toFixed(1)}" width="${(step * 0.7).toFixed(1)}" height="${(y(0) - y(count)).toFixed(1)}" fill="${CHART_COLOURS.resolved}"><title>${day}: ${count} resolved</title></rect>`,
    ];
  });
  const segments: string[][] = [[]];
  axis.forEach((day, i) => {
    const report = byDay.get(day);
    if (report === undefined) segments.push([]);
    else segments.at(-1)?.push(`${(x(i) + step / 2).toFixed(1)},${y(report.openCount).toFixed(1)}`);
  });
  const lines = segments
    .filter((points) => points.length > 0)
    .map((points) =>
      points.length === 1
        ? html`<circle cx="${points[0]?.split(',')[0]}" cy="${points[0]?.split(',')[1]}" r="3" fill="${CHART_COLOURS.open}"/>`
        : html`<polyline points="${points.join(' ')}" fill="none" stroke="${CHART_COLOURS.open}" stroke-width="2.5"/>`,
    );
  const ticks = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const labels = [0, Math.floor(days / 2), days - 1];
  const reported = axis.filter((d) => byDay.has(d)).length;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" data-days="${days}">
    <title id="chart-title">Open issues and issues resolved per day, last ${days} days</title>
    <desc id="chart-desc">${reported} of ${days} days have a report. The line is the open count at each report; the bars are issues resolved the day before.</desc>
    ${ticks.map((v) => html`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#c9d0d8"/><text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#1b1f24">${v}</text>`)}
    ${bars}
    ${lines}
    ${labels.map((i, n) => html`<text x="${(x(i) + step / 2).toFixed(1)}" y="${HEIGHT - 14}" text-anchor="${ANCHORS[n]}" font-size="12" fill="#1b1f24">${axis[i]}</text>`)}
  </svg>`;
}
