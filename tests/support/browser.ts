/** One answer the browser saw. */
export interface Page {
  readonly status: number;
  readonly url: string;
  readonly location: string | undefined;
  readonly body: string;
}

/**
 * A minimal browser for OAuth round trips: keeps cookies per origin, sends forms, and follows
 * redirects across origins (the bot, then the fake vendor's authorize page, then back).
 */
export class Browser {
  readonly #cookies = new Map<string, Map<string, string>>();

  /** GET, following up to `maxRedirects` redirects; returns the last answer. */
  async get(url: string, maxRedirects = 10): Promise<Page> {
    let page = await this.#send(url, { method: 'GET' });
    for (let hops = 0; page.location !== undefined && hops < maxRedirects; hops += 1) {
      page = await this.#send(new URL(page.location, page.url).toString(), { method: 'GET' });
    }
    return page;
  }

  /** POSTs a urlencoded form, then follows redirects. */
  async postForm(url: string, form: Readonly<Record<string, string>>): Promise<Page> {
    const page = await this.#send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return page.location === undefined ? page : this.get(new URL(page.location, page.url).toString());
  }

  /** Logs in to the bot's admin front with its form (CSRF token included). */
  async logIn(baseUrl: string, email: string, password: string): Promise<Page> {
    const form = await this.get(`${baseUrl}/login`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
    if (csrf === undefined) throw new Error(`no CSRF token on the login page (${form.status})`);
    return this.postForm(`${baseUrl}/login`, { _csrf: csrf, email, password });
  }

  async #send(url: string, init: RequestInit): Promise<Page> {
    const origin = new URL(url).origin;
    const jar = this.#cookies.get(origin) ?? new Map<string, string>();
    this.#cookies.set(origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie === '' ? {} : { cookie }) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location =
      response.status >= 300 && response.status < 400
        ? (response.headers.get('location') ?? undefined)
        : undefined;
    return { status: response.status, url, location, body: await response.text() };
  }
}
