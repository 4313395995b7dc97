import type { FileContent } from '@zenslackchat/core';
import { z } from 'zod';
import type { ZendeskHttp } from './zendesk-http.ts';
import { parseAnswer } from './zendesk-schemas.ts';

// https://developer.zendesk.com/api-reference/ticketing/tickets/ticket-attachments/#upload-files:
// 201 with `{ upload: { token, expires_at, attachment, attachments } }`; only the token is needed.
const uploadAnswerSchema = z.object({ upload: z.object({ token: z.string().min(1) }) });

/**
 * POST /uploads?filename=… with the file's bytes (`application/binary`, as node-zendesk sends
 * them); returns the token a comment's `uploads` names. Zendesk keeps an unused token 60 minutes.
 */
export async function uploadFile(http: ZendeskHttp, file: FileContent): Promise<{ readonly token: string }> {
  const answer = await http.send('uploads.create', 'POST', ['uploads'], {
    query: { filename: file.name },
    binary: file.bytes,
  });
  return { token: parseAnswer(uploadAnswerSchema, answer.body, 'uploads.create').upload.token };
}
