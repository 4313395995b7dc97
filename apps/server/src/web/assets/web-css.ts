// The site's one stylesheet. Kept in a module rather than a .css file so `tsc` ships it in dist
// with no copy step. Colours meet WCAG AA contrast on their backgrounds.
export const WEB_CSS = `
:root { --fg: #1b1f24; --muted: #4d5560; --bg: #ffffff; --panel: #f4f6f8; --line: #c9d0d8;
  --accent: #0b5cad; --accent-fg: #ffffff; --ok: #136c2e; --warn: #8a4b00; --bad: #a3161b; --focus: #f5b400; }
* { box-sizing: border-box; }
html { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--fg); color: #fff; padding: .5rem 1rem; }
.skip-link:focus { left: 0; z-index: 10; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .75rem 1rem;
  background: #16324f; color: #fff; }
.site-header a { color: #fff; }
.brand { font-weight: 700; text-decoration: none; font-size: 1.15rem; }
nav { display: flex; flex-wrap: wrap; flex: 1 1 22rem; align-items: center; justify-content: space-between; gap: .5rem 1rem; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.logout { display: flex; align-items: center; gap: .5rem; }
.logout .who { font-size: .9rem; overflow-wrap: anywhere; }
main { flex: 1; width: 100%; max-width: 72rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .75rem; }
.site-footer { padding: 1rem; color: var(--muted); font-size: .875rem; border-top: 1px solid var(--line); }
.flash { background: #e6f2e9; border: 1px solid var(--ok); color: var(--ok); padding: .5rem .75rem; border-radius: 4px; }
.error { background: #fbeaea; border: 1px solid var(--bad); color: var(--bad); padding: .5rem .75rem; border-radius: 4px; }
button, .button { display: inline-block; font: inherit; padding: .5rem 1rem; min-height: 44px; border-radius: 4px;
  border: 1px solid var(--accent); background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
.site-header button { background: transparent; border-color: #fff; color: #fff; min-height: 36px; padding: .25rem .75rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
label.inline { display: inline-flex; align-items: center; gap: .4rem; font-weight: 400; }
input[type=text], input[type=email], input[type=password], input[type=search], select, textarea {
  font: inherit; width: 100%; max-width: 32rem; padding: .5rem; border: 1px solid #6b7580; border-radius: 4px; background: #fff; color: var(--fg); }
textarea { min-height: 4.5rem; }
.form-row { margin-bottom: .75rem; }
.login { max-width: 24rem; margin: 2rem auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); }
.status { font-weight: 600; }
.status.ok { color: var(--ok); }
.status.off { color: var(--muted); }
.status.warn { color: var(--warn); }
.integrations { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.integrations li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; display: flex; flex-wrap: wrap;
  gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.integrations h3 { margin: 0; font-size: 1.1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin-bottom: 1rem; }
.filters label { margin: 0 0 .25rem; }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.chart { width: 100%; max-width: 60rem; height: auto; border: 1px solid var(--line); border-radius: 4px; }
.legend { display: flex; gap: 1.5rem; list-style: none; padding: 0; }
.swatch { display: inline-block; width: 1rem; height: 1rem; vertical-align: middle; margin-right: .35rem; }
.swatch.open { background: #0b5cad; }
.swatch.resolved { background: #136c2e; }
.sandbox { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; min-width: 0; }
.feed { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
.feed > li { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
.feed .replies { list-style: none; margin: .5rem 0 0 .75rem; padding-left: .75rem; border-left: 3px solid var(--line); display: grid; gap: .35rem; }
.author { font-weight: 700; }
.bot .author::after { content: " (bot)"; font-weight: 400; color: var(--muted); }
.replies .internal { border: 1px dashed var(--muted); padding: .25rem .5rem; border-radius: 4px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .15rem 0; }
.inline-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin-top: .5rem; }
.inline-form label { margin: 0; font-weight: 400; font-size: .9rem; }
.inline-form input[type=text] { max-width: 14rem; }
.inline-form input[type=file] { max-width: 14rem; font-size: .85rem; }
.files { list-style: none; margin: .25rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.file a { display: inline-flex; flex-direction: column; gap: .15rem; overflow-wrap: anywhere; }
.file .preview { max-width: 10rem; max-height: 7.5rem; border: 1px solid var(--line); border-radius: 4px; object-fit: contain; background: #fff; }
.file-size { color: var(--muted); font-size: .85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 800px) { .sandbox { grid-template-columns: 1fr; } main { padding: .75rem; } }
@media (max-width: 480px) { .logout .who { display: none; } }
`;
