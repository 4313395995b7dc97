import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, SafeHtml, safeHref } from '../../src/web/index.ts';
import { safeNext } from '../../src/web/web-context.ts';

describe('html', () => {
  it('escapes every interpolated string, in content and attributes', () => {
    const evil = `<script>alert("x")</script>&'\``;
    const out = html`<p title="${evil}">${evil}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;</p>',
    );
    expect(out).not.toContain('<script>');
  });

  it('keeps nested html fragments and joins arrays without commas', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('drops null, undefined and false but prints numbers and zero', () => {
    expect(html`${null}${undefined}${false}${0}${42}`.value).toBe('042');
  });

  it('passes raw markup through untouched and escapes plain strings that look like markup', () => {
    expect(html`${raw('<b>ok</b>')}`.value).toBe('<b>ok</b>');
    expect(html`${'<b>ok</b>'}`.value).toBe('&lt;b&gt;ok&lt;/b&gt;');
    expect(raw('x')).toBeInstanceOf(SafeHtml);
  });

  it('escapeHtml leaves ordinary text alone', () => {
    expect(escapeHtml('Hello, world — 100%')).toBe('Hello, world — 100%');
  });

  it('safeHref keeps http(s) and local paths and neutralises script and protocol-relative URLs', () => {
    expect(safeHref('https://acme.zendesk.com/agent/tickets/1')).toBe(
      'https://acme.zendesk.com/agent/tickets/1',
    );
    expect(safeHref('/slack/install/')).toBe('/slack/install/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      'not a url',
    ]) {
      expect(safeHref(bad), bad).toBe('#');
    }
  });
});

describe('safeNext', () => {
  it('keeps local paths and turns anything else into /', () => {
    expect(safeNext('/issues?status=open')).toBe('/issues?status=open');
    for (const bad of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      '/a\r\nSet-Cookie: x=1',
      'issues',
      42,
    ]) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });
});
