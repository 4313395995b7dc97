/**
 * What the bot reads from a Zendesk error body: `{ error, description, details }`, where `error` is
 * a code string or `{ title, message }` and `details` maps field names to `[{ description, error }]`.
 * https://developer.zendesk.com/api-reference/introduction/requests/#400-range
 * Anything else (HTML from a proxy, an empty or truncated body) reads as no code at all.
 */
export interface ZendeskErrorBody {
  /** Zendesk's error code (`RecordInvalid`, `RecordNotFound`...), at most 80 characters. */
  readonly error: string | undefined;
  /** Its top-level description (`Record validation errors`), at most 200 characters. */
  readonly description: string | undefined;
  /** The fields named in `details` (`status`, `base`...), never their values. */
  readonly detailFields: readonly string[];
  /** The details say the ticket is closed (`Status: closed prevents ticket update`). */
  readonly saysClosed: boolean;
}

// Zendesk's wording for an update of a closed ticket, as its API has answered it:
// {"error":"RecordInvalid","description":"Record validation errors",
//  "details":{"status":[{"description":"Status: closed prevents ticket update"}]}}
// (reported in https://github.com/Speedygeek/ZendeskApi_v2/issues/59).
const CLOSED = /\bclosed prevents ticket update\b/i;

/** Reads an error body; never throws. */
export function readErrorBody(body: unknown): ZendeskErrorBody {
  const record = isRecord(body) ? body : {};
  const details = isRecord(record.details) ? record.details : {};
  const detailFields = Object.keys(details).slice(0, 10);
  const saysClosed = Object.values(details).some(
    (entries) =>
      Array.isArray(entries) &&
      entries.some(
        (entry) => isRecord(entry) && typeof entry.description === 'string' && CLOSED.test(entry.description),
      ),
  );
  return { error: code(record.error), description: text(record.description, 200), detailFields, saysClosed };
}

function code(error: unknown): string | undefined {
  if (typeof error === 'string') return error.slice(0, 80);
  return isRecord(error) ? text(error.title, 80) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
