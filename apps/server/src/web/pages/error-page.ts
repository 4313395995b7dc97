import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';

const EXPLANATIONS: Readonly<Record<number, string>> = {
  400: 'The request was not understood. Go back and check the form.',
  403: 'This form has expired or was not sent from this site. Go back, reload the page and try again.',
  404: 'There is nothing here.',
  429: 'Too many attempts. Wait a minute and try again.',
};

/** A short error page; never shows error details (they go to the log). */
export function errorPage(status: number): SafeHtml {
  const text =
    EXPLANATIONS[status] ?? 'Something went wrong on our side. It has been logged; try again shortly.';
  return layout(
    { title: `Error ${status}`, path: '' },
    html`<h1>Error ${status}</h1><p>${text}</p><p><a href="/">Back to the start page</a></p>`,
  );
}
