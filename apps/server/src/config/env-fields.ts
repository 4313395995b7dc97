import { isIP } from 'node:net';
import { z } from 'zod';
import { keyWeakness } from './key-strength.ts';

// Field validators for single environment variables. Every one accepts "unset" (undefined or an
// empty string) and yields undefined for it; presence rules live in env-schema.ts.

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Any non-empty string. */
export const text = (min = 1) => optional(z.string().trim().min(min, `must be at least ${min} characters`));

/** An http(s) URL; trailing slashes are kept as given. */
export const httpUrl = () =>
  optional(
    z
      .string()
      .trim()
      .refine((value) => /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), 'must be an http(s) URL'),
  );

/** A postgres:// or postgresql:// connection URL. */
export const postgresUrl = () =>
  optional(
    z
      .string()
      .trim()
      .refine(
        (value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value),
        'must be a postgres:// or postgresql:// URL',
      ),
  );

/** A string of digits (Zendesk ids). */
export const numericId = () =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'must be a numeric id'),
  );

/** An upper-case alphanumeric id with an optional required first letter (Slack, PagerDuty ids). */
export const platformId = (first: string, what: string, example: string) =>
  optional(
    z
      .string()
      .trim()
      .regex(new RegExp(`^[${first}][A-Z0-9]{2,30}$`), `must be a ${what}, e.g. ${example}`),
  );

/** A Microsoft Entra id (app or tenant): a GUID. */
export const guid = () =>
  optional(
    z
      .string()
      .trim()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        'must be a GUID, e.g. 00000000-0000-0000-0000-000000000000',
      ),
  );

/** A Teams channel's conversation id, `19:…@thread.tacv2` (or the older `@thread.skype`). */
export const teamsChannelId = () =>
  optional(
    z
      .string()
      .trim()
      .regex(/^19:[^\s;]+@thread\.(tacv2|skype)$/, 'must be a Teams channel id, e.g. 19:abc123@thread.tacv2'),
  );

/** A chat platform's name. */
export const chatPlatform = () => optional(z.enum(['slack', 'teams'], { message: 'must be slack or teams' }));

/** An e-mail address. */
export const email = () => optional(z.string().trim().email('must be an e-mail address'));

/** A host name without scheme or path. */
export const hostName = () =>
  optional(
    z
      .string()
      .trim()
      .regex(
        /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i,
        'must be a host name',
      ),
  );

const TRUE = ['1', 'true', 'yes', 'on'] as const;
const FALSE = ['0', 'false', 'no', 'off'] as const;

/** A boolean flag: 1/true/yes/on or 0/false/no/off (case-insensitive); unset is false. */
export const flag = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .refine(
        (value) =>
          (TRUE as readonly string[]).includes(value) || (FALSE as readonly string[]).includes(value),
        {
          message: 'must be 1/true/yes/on or 0/false/no/off',
        },
      )
      .transform((value) => (TRUE as readonly string[]).includes(value))
      .optional()
      .transform((value) => value ?? false),
  );

/** A TCP port number. */
export const port = () =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, 'must be a port number')
      .transform(Number)
      .refine((value) => value >= 1 && value <= 65_535, 'must be between 1 and 65535'),
  );

/** A whole number of seconds within [min, max]. */
export const seconds = (min: number, max: number) =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .refine((value) => value >= min && value <= max, `must be between ${min} and ${max} seconds`),
  );

/** A whole number within [min, max]. */
export const wholeNumber = (min: number, max: number) =>
  optional(
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .refine((value) => value >= min && value <= max, `must be between ${min} and ${max}`),
  );

/** A comma-separated list of Slack bot ids (B...). */
export const botIdList = () =>
  optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      )
      .refine(
        (ids) => ids.every((id) => /^B[A-Z0-9]{2,30}$/.test(id)),
        'must be comma-separated Slack bot ids (B...)',
      ),
  );

const CRON_FIELD =
  /^(\*|\?|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;

/** A 5-field (or 6-field, with seconds) cron expression. */
export const cron = () =>
  optional(
    z
      .string()
      .trim()
      .refine((value) => {
        const fields = value.split(/\s+/);
        return (
          (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field))
        );
      }, 'must be a cron expression with 5 fields, e.g. "0 9 * * *"'),
  );

/** An IANA time zone name. */
export const timeZone = () =>
  optional(
    z
      .string()
      .trim()
      .refine((value) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: value });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone, e.g. Europe/London'),
  );

/** What fastify's `trustProxy` is given: off, on (every hop), or trusted addresses and subnets. */
export type TrustProxy = boolean | readonly string[];

const PROXY_NAMES: readonly string[] = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, CIDR (`10.0.0.0/8`, `fd00::/8`), IPv4/netmask, or a proxy-addr name (`loopback`...). */
function isTrustedAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry.toLowerCase())) return true;
  const [address = '', range, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(range) === 4;
}

/**
 * TRUST_PROXY: a comma-separated list of trusted proxy addresses/subnets; unset or 0/false is off.
 * "Trust every hop" (1/true) is refused here: it lets any client choose its own address with
 * X-Forwarded-For; it stays only behind TRUST_PROXY_EVERY_HOP_UNSAFE. A hop count is refused too:
 * fastify 5.12+ treats one as "trust nothing" (a hop count cannot check who the immediate peer is).
 */
export const trustProxy = () =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .transform((value, context): readonly string[] | false => {
        const lower = value.toLowerCase();
        if ((FALSE as readonly string[]).includes(lower)) return false;
        const entries = value.split(',').map((entry) => entry.trim());
        if (!(TRUE as readonly string[]).includes(lower) && entries.every((entry) => isTrustedAddress(entry)))
          return entries;
        context.addIssue({
          code: 'custom',
          message: (TRUE as readonly string[]).includes(lower)
            ? 'trusting every hop lets any client pick its own address with X-Forwarded-For: give the proxy addresses/CIDRs (e.g. 10.0.0.0/8), or set TRUST_PROXY_EVERY_HOP_UNSAFE=1 if the app truly cannot be reached except through the proxy'
            : /^\d+$/.test(value)
              ? 'a hop count is not supported (fastify trusts nothing with one): give the proxy addresses/CIDRs'
              : 'must be comma-separated proxy addresses/CIDRs (e.g. 10.0.0.0/8,loopback)',
        });
        return z.NEVER;
      })
      .optional()
      .transform((value): readonly string[] | false => value ?? false),
  );

/** A secret key that must be strong: not the .env.example placeholder, 32+ characters, enough entropy. */
export const strongKey = () =>
  optional(
    z
      .string()
      .trim()
      .superRefine((value, context) => {
        const weakness = keyWeakness(value);
        if (weakness !== undefined) context.addIssue({ code: 'custom', message: weakness });
      }),
  );

/** A comma-separated list of earlier keys (each 16+ characters); unset is an empty list. */
export const keyList = () =>
  optional(
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      )
      .refine((keys) => keys.every((key) => key.length >= 16), 'each key must be at least 16 characters'),
  );
