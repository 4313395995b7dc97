import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { TEAMS_DEFAULTS } from '../teams-chat-config.ts';
import { BotFrameworkKeys } from './bot-framework-keys.ts';
import { normaliseTeamsActivity } from './normalise-teams-activity.ts';
import { MESSAGE_ACTIVITY_TYPES, teamsActivitySchema } from './teams-activity.ts';
import { DEFAULT_TEAMS_MESSAGES_PATH, type TeamsMessagesPluginOptions } from './teams-messages-config.ts';
import { verifyBotFrameworkToken } from './verify-bot-framework-token.ts';

/**
 * `POST /teams/messages`: verifies every request's Bot Framework JWT against the activity
 * before anything else (401 and a warn line otherwise), turns message, edit and delete
 * activities in a channel into the core's ChatEvents and hands them to `accept`; other activity
 * types get 200 and are ignored. A failing `accept` gets 503 so the Bot Connector retries.
 */
export const teamsMessagesPlugin: FastifyPluginAsync<TeamsMessagesPluginOptions> = async (
  fastify,
  options,
) => {
  const keys = new BotFrameworkKeys({
    openIdMetadataUrl: options.openIdMetadataUrl ?? TEAMS_DEFAULTS.openIdMetadataUrl,
  });
  const authenticate = options.authenticate ?? true;
  const reject = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    error: string,
    detail = {},
  ) => {
    request.log.warn({ ...detail, error }, `teams activity rejected: ${error}`);
    return reply.code(status).send({ error: { code: error, message: `Request rejected: ${error}` } });
  };

  fastify.post(
    options.path ?? DEFAULT_TEAMS_MESSAGES_PATH,
    { bodyLimit: options.bodyLimit ?? 512 * 1024 },
    async (request, reply) => {
      const parsed = teamsActivitySchema.safeParse(request.body);
      if (!parsed.success) {
        // Unauthenticated and unreadable alike get 401 when authentication is on: say nothing more.
        if (authenticate) return reject(request, reply, 401, 'unauthorized', { why: 'unreadable activity' });
        return reject(request, reply, 400, 'invalid_activity');
      }
      const activity = parsed.data;
      if (authenticate) {
        const failure = await verifyBotFrameworkToken(keys, {
          authorization: request.headers.authorization,
          appId: options.appId,
          issuer: options.issuer ?? TEAMS_DEFAULTS.tokenIssuer,
          serviceUrl: activity.serviceUrl,
          channelId: activity.channelId,
        });
        if (failure === 'keys-unavailable') {
          request.log.error(
            'teams activity not verified: signing keys unavailable; asking the Connector to retry',
          );
          return reply.code(503).send({ error: { code: 'unavailable', message: 'Try again later.' } });
        }
        if (failure !== null) return reject(request, reply, 401, 'unauthorized', { failure });
      }
      const fields = {
        activityId: activity.id,
        type: activity.type,
        eventType: activity.channelData?.eventType,
      };
      const event = (MESSAGE_ACTIVITY_TYPES as readonly string[]).includes(activity.type)
        ? normaliseTeamsActivity(activity)
        : undefined;
      if (event === undefined) {
        request.log.debug(fields, 'teams activity ignored: not a channel message');
        return reply.code(200).send();
      }
      try {
        const result = await options.accept({ eventId: event.eventId, event });
        request.log.info({ ...fields, subtype: event.subtype, status: result }, 'teams activity received');
        return reply.code(200).send();
      } catch (error) {
        request.log.error(
          { ...fields, err: error },
          'teams activity not accepted: asking the Connector to retry',
        );
        return reply.code(503).send({ error: { code: 'unavailable', message: 'Try again later.' } });
      }
    },
  );
};
