import { z } from 'zod';

/**
 * The fields of a Graph `chatMessage` that `findMessage` reads, validated (everything else is
 * dropped): https://learn.microsoft.com/en-us/graph/api/resources/chatmessage
 * (`from` is a chatMessageFromIdentitySet: a bot's post names it in `application`).
 */
const chatMessageSchema = z.object({
  id: z.string().min(1),
  messageType: z.string(),
  createdDateTime: z.iso.datetime({ offset: true }),
  deletedDateTime: z.string().nullish(),
  from: z.object({ application: z.object({ id: z.string() }).nullish() }).nullish(),
  body: z.object({ contentType: z.string(), content: z.string().nullish() }),
});

/** A page of a Graph collection: `value` and, when more follow, `@odata.nextLink`. */
export const chatMessagePageSchema = z.object({
  value: z.array(chatMessageSchema),
  '@odata.nextLink': z.url().optional(),
});

export type ChatMessagePage = z.infer<typeof chatMessagePageSchema>;
export type GraphChatMessage = ChatMessagePage['value'][number];

/** Graph's error body, `{ error: { code, message } }`: https://learn.microsoft.com/en-us/graph/errors */
export const graphErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().optional() }),
});
