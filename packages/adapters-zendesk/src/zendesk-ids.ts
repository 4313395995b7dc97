import { IntegrationError, type IntegrationReason } from '@zenslackchat/core';

/** Whether `value` is a Zendesk id (a positive safe integer, as digits). */
export function isZendeskId(value: string): boolean {
  return /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value));
}

/** A Zendesk id as the JSON number the API expects; throws `reason` when it is not one. */
export function zendeskId(value: string, field: string, reason: IntegrationReason = 'Invalid'): number {
  if (!isZendeskId(value)) {
    throw new IntegrationError(reason, `zendesk ${field} is not a Zendesk id`, {
      integration: 'zendesk',
      retryable: false,
    });
  }
  return Number(value);
}
