import { z } from 'zod';
import { apiError, FAKE_ROLES, FAKE_STATUSES, type FakeResponse } from './fake-records.ts';

// Stricter than Zendesk on purpose: an unknown or misspelled field is a 422 here, where the real
// API ignores it silently (the bug this fake exists to catch).
const id = z.number().int().positive();
const attachment = z.strictObject({ name: z.string(), url: z.string() });

const comment = z
  .strictObject({
    body: z.string().min(1).max(65_536).optional(),
    html_body: z.string().min(1).max(65_536).optional(),
    public: z.boolean().optional(),
    author_id: id.optional(),
    uploads: z.array(z.string()).optional(),
  })
  .refine((value) => value.body !== undefined || value.html_body !== undefined, {
    message: 'body or html_body is required',
  });

const requester = z.strictObject({
  name: z.string().min(1).max(255).optional(),
  email: z.email(),
  locale_id: id.optional(),
});

const commonFields = {
  subject: z.string().max(255).optional(),
  external_id: z.string().max(255).nullable().optional(),
  assignee_id: id.nullable().optional(),
  group_id: id.nullable().optional(),
  status: z.enum(FAKE_STATUSES).optional(),
  tags: z.array(z.string().max(80)).optional(),
  type: z.enum(['problem', 'incident', 'question', 'task']).nullable().optional(),
  priority: z.enum(['urgent', 'high', 'normal', 'low']).nullable().optional(),
};

/** `POST /tickets` body. */
export const createTicketBody = z.strictObject({
  ticket: z
    .strictObject({
      ...commonFields,
      comment,
      requester_id: id.optional(),
      requester: requester.optional(),
      submitter_id: id.optional(),
      via_followup_source_id: id.optional(),
    })
    .refine((ticket) => !(ticket.requester_id !== undefined && ticket.requester !== undefined), {
      message: 'requester_id and requester are mutually exclusive',
    }),
});

/** `PUT /tickets/{id}` body. */
export const updateTicketBody = z.strictObject({
  ticket: z.strictObject({
    ...commonFields,
    comment: comment.optional(),
    requester_id: id.optional(),
    safe_update: z.boolean().optional(),
    updated_stamp: z.string().optional(),
  }),
});

/** `POST /users/create_or_update` body. */
export const createOrUpdateUserBody = z.strictObject({
  user: z.strictObject({
    name: z.string().min(1).max(255),
    email: z.email(),
    role: z.enum(FAKE_ROLES).optional(),
    verified: z.boolean().optional(),
    external_id: z.string().max(255).optional(),
  }),
});

/** The fake's own back-door attachment shape (not an API body). */
export const attachmentList = z.array(attachment);

/** Parses `body` or answers 422 RecordInvalid with one entry per offending field. */
export function validate<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; error: FakeResponse } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const details: Record<string, { description: string; error: string }[]> = {};
  for (const issue of parsed.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [issue.path.at(-1) ?? 'base'];
    const prefix = issue.path.slice(0, issue.code === 'unrecognized_keys' ? undefined : -1).join('.');
    for (const key of keys) {
      const field = prefix ? `${prefix}.${String(key)}` : String(key);
      const description =
        issue.code === 'unrecognized_keys' ? `${field}: unknown field` : `${field}: ${issue.message}`;
      details[field] = [...(details[field] ?? []), { description, error: 'InvalidValue' }];
    }
  }
  return { ok: false, error: invalidRecord(details) };
}

/**
 * 422 RecordInvalid with the given details, `{ error, description, details: { field: [{ description,
 * error }] } }`: https://developer.zendesk.com/api-reference/introduction/requests/#400-range
 */
export function invalidRecord(
  details: Record<string, { description: string; error: string }[]>,
): FakeResponse {
  return apiError(422, 'RecordInvalid', 'Record validation errors', details);
}

/** 422 for one field. */
export function invalidField(field: string, description: string): FakeResponse {
  return invalidRecord({ [field]: [{ description: `${field}: ${description}`, error: 'InvalidValue' }] });
}
