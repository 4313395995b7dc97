import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';

/** What the login form shows. */
export interface LoginView {
  readonly csrfToken: string;
  /** Where to go after logging in (a local path). */
  readonly next: string;
  readonly email?: string;
  readonly error?: string;
}

/** The login page: email and password, with the error of the last attempt. */
export function loginPage(view: LoginView): SafeHtml {
  return layout(
    { title: 'Log in', path: '/login' },
    html`<section class="login" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      ${view.error === undefined ? '' : html`<p class="error" role="alert" id="login-error">${view.error}</p>`}
      <form method="post" action="/login"${view.error === undefined ? '' : html` aria-describedby="login-error"`}>
        <input type="hidden" name="_csrf" value="${view.csrfToken}">
        <input type="hidden" name="next" value="${view.next}">
        <div class="form-row">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value="${view.email ?? ''}">
        </div>
        <div class="form-row">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
        </div>
        <button type="submit">Log in</button>
      </form>
      <p>Admins are created with <code>pnpm zenslackchat create-admin</code> or from
        <code>ADMIN_EMAIL</code>/<code>ADMIN_PASSWORD</code> on first start.</p>
    </section>`,
  );
}
