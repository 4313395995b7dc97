/** An answer of the fake: status, JSON body, headers. */
export interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * The Bot Connector's error body, `ErrorResponse { error: { code, message } }`:
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#errorresponse-object
 */
export function connectorError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Answer {
  return { status, body: { error: { code, message } }, ...(headers === undefined ? {} : { headers }) };
}
