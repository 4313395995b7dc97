import { CoreError } from '@zenslackchat/core';

/** Codes of failures that are not outside calls (those are `IntegrationError`s). */
export const SLACK_ADAPTER_ERROR_CODES = [
  'slack.installation_missing',
  'slack.installation_invalid',
] as const;
export type SlackAdapterErrorCode = (typeof SLACK_ADAPTER_ERROR_CODES)[number];

/** Base error of this package, for failures of its own rather than of Slack. */
export class SlackAdapterError extends CoreError {
  declare readonly code: SlackAdapterErrorCode;

  constructor(code: SlackAdapterErrorCode, message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}
