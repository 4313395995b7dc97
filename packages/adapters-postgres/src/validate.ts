import { DELIVERY_KINDS, type DeliveryKind, IntegrationError } from '@zenslackchat/core';

function invalid(message: string): IntegrationError {
  return new IntegrationError('Invalid', `postgres: ${message}`, { integration: 'postgres' });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` is a uuid (issue and admin user ids); anything else names no row. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** A non-empty string of at most `max` characters, or `Invalid`. */
export function text(value: string, field: string, max = 512): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw invalid(`${field} must be a non-empty string of at most ${max} characters`);
  }
  return value;
}

/** A valid Date, or `Invalid`. */
export function instant(value: Date, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw invalid(`${field} must be a valid date`);
  return value;
}

/** A whole number in [min, max], or `Invalid`. */
export function whole(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${field} must be a whole number in [${min}, ${max}]`);
  }
  return value;
}

/** A known delivery kind, or `Invalid`. */
export function deliveryKind(value: string): DeliveryKind {
  if (!(DELIVERY_KINDS as readonly string[]).includes(value)) throw invalid(`unknown delivery kind ${value}`);
  return value as DeliveryKind;
}

/** A calendar day `YYYY-MM-DD` that exists, or `Invalid`. */
export function calendarDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    !date.toISOString().startsWith(value)
  ) {
    throw invalid('report day must be a calendar day YYYY-MM-DD');
  }
  return value;
}

/** The `NotFound` error for an issue id that names no issue. */
export function issueNotFound(issueId: string): IntegrationError {
  return new IntegrationError('NotFound', `postgres: no issue ${issueId}`, { integration: 'postgres' });
}

/** A non-retryable `Conflict`: a uniqueness rule forbids the change. */
export function conflict(message: string): IntegrationError {
  return new IntegrationError('Conflict', `postgres: ${message}`, {
    integration: 'postgres',
    retryable: false,
  });
}
