import { IntegrationError } from '@zenslackchat/core';
import { instant, text } from './validate.ts';

/** One inbound event id to record. */
export interface InboundEventId {
  readonly source: string;
  readonly eventId: string;
}

/** One string per inbound event id: source and event id joined by a NUL. */
export function inboundEventKey(id: InboundEventId): string {
  return `${id.source}\u0000${id.eventId}`;
}

/** An inbound event id and the id of the row (a job) that is written only if the event is new. */
export interface KeyedInboundEvent extends InboundEventId {
  readonly rowId: string;
}

/** A SQL statement and its parameters, as a driver runs it. */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** A `$1` not followed by another digit: the one parameter `recordingInboundEvents` takes over. */
const FIRST_PARAMETER = /\$1(?!\d)/g;

/**
 * Makes `statement` also record `keyed` in `inbound_events`, as ONE statement (one round trip, its
 * own implicit transaction). `statement` must take exactly one parameter, `$1`, a JSON array of
 * rows with an `id`, and write those rows (pg-boss's job insert is such a statement); the result
 * writes only the rows whose event is recorded by it: a row keyed to an id seen before is left
 * out, a row with no entry in `keyed` is always written. The ids are recorded in a data-modifying
 * WITH clause that the rewritten `$1` reads back, so an id is recorded exactly when its row is
 * written (or neither, when the statement fails). Throws `Invalid`, before anything runs, when
 * `statement` is not of that shape (a changed pg-boss, say) or `keyed` names an event twice.
 * The ids are inserted in one order (source, event id), so two overlapping statements recording
 * the same ids in different orders wait for each other instead of deadlocking.
 */
export function recordingInboundEvents(
  statement: SqlStatement,
  keyed: readonly KeyedInboundEvent[],
  at: Date,
): SqlStatement {
  if (statement.values.length !== 1) {
    throw invalidInput('the statement must take exactly one parameter, $1 (a JSON array of rows)');
  }
  const combined = recordingText(statement.text);
  const seen = new Set<string>();
  const rows = keyed.map((event) => {
    const key = inboundEventKey(event);
    if (seen.has(key)) throw invalidInput('each inbound event may key one row only');
    seen.add(key);
    return {
      row_id: text(event.rowId, 'rowId', 64),
      source: text(event.source, 'source', 64),
      event_id: text(event.eventId, 'eventId', 512),
    };
  });
  return {
    text: combined,
    values: [statement.values[0], JSON.stringify(rows), instant(at, 'at').toISOString()],
  };
}

/** Rewritten statement texts by original text: the same few for a process's whole life. */
const rewritten = new Map<string, string>();
const MAX_REWRITTEN = 64;

/** `text` with the recording of `$2` in front and its `$1` filtered by it; checked, then kept. */
function recordingText(text: string): string {
  const kept = rewritten.get(text);
  if (kept !== undefined) return kept;
  const parameters = text.match(/\$\d+/g) ?? [];
  if (parameters.length !== 1 || parameters[0] !== '$1') {
    throw invalidInput('the statement must take exactly one parameter, $1 (a JSON array of rows)');
  }
  const recording = `inbound_keyed AS (
      SELECT * FROM json_to_recordset($2::json) AS k(row_id text, source text, event_id text)
    ), inbound_fresh AS (
      INSERT INTO inbound_events (source, event_id, received_at)
      SELECT source, event_id, $3::timestamptz FROM inbound_keyed ORDER BY source, event_id
      ON CONFLICT (source, event_id) DO NOTHING
      RETURNING source, event_id
    )`;
  const wanted = `(SELECT COALESCE(json_agg(r.row ORDER BY r.n), '[]'::json)
      FROM json_array_elements($1::text::json) WITH ORDINALITY AS r(row, n)
      WHERE NOT EXISTS (SELECT 1 FROM inbound_keyed k WHERE k.row_id = r.row->>'id')
         OR r.row->>'id' IN (SELECT k.row_id FROM inbound_keyed k JOIN inbound_fresh USING (source, event_id)))`;
  const body = text.replace(FIRST_PARAMETER, () => wanted).trimStart();
  const combined = /^WITH\s/i.test(body)
    ? `WITH ${recording}, ${body.slice(5)}`
    : `WITH ${recording} ${body}`;
  if (rewritten.size >= MAX_REWRITTEN) rewritten.clear();
  rewritten.set(text, combined);
  return combined;
}

function invalidInput(message: string): IntegrationError {
  return new IntegrationError('Invalid', `postgres: recording inbound ids: ${message}`, {
    integration: 'postgres',
  });
}
