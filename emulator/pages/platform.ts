import { Hono } from 'hono';
import type { AppEnv, Deps } from '@/emulator/context.ts';
import { displayJson } from '@/emulator/json.ts';
import { identifierField, type Dataset } from '@/emulator/state.ts';
import { documentPage, html, jsonForScript, type SafeHtml } from '@/emulator/pages/html.ts';
import { PLATFORM_SCRIPT } from '@/emulator/pages/platform-script.ts';

/** Shaped like marketer.monetate.net/control/{account}/{instance}/{domain}/… */
export const PLATFORM_BASE = '/platform/control/a-demo/p/demo.example';
export const DATASETS_PATH = `${PLATFORM_BASE}/datasets`;
const ROWS_SHOWN = 20;

interface DatasetView {
  name: string;
  type: string;
  namedIdentifier: string | null;
  count: number;
  /** Identifier first, so the first column always holds customer IDs. */
  columns: string[];
  rows: string[][];
}

function toView(dataset: Dataset): DatasetView {
  const id = identifierField(dataset);
  const columns = [id, ...[...dataset.fields.keys()].filter((f) => f !== id)];
  return {
    name: dataset.name,
    type: dataset.type,
    namedIdentifier: dataset.named_identifier ?? null,
    count: dataset.records.length,
    columns,
    rows: dataset.records.slice(0, ROWS_SHOWN).map((r) => columns.map((col) => displayJson(r[col]))),
  };
}

export function datasetHref(name: string): string {
  return `${DATASETS_PATH}/${encodeURIComponent(name)}`;
}

// The client script in platform-script.ts builds the same markup; keep the two in step.
function listMarkup(views: DatasetView[]): SafeHtml {
  return html`<nav aria-label="Breadcrumb"><a href="${DATASETS_PATH}" data-nav>Datasets</a></nav>
<h1>Datasets</h1>
<table data-view="dataset-list" aria-label="Datasets">
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Identifier Name</th><th scope="col">Records</th></tr></thead>
<tbody>${views.map(
    (v) => html`<tr data-dataset-row="${v.name}"><td><a href="${datasetHref(v.name)}" data-nav>${v.name}</a></td><td>${v.type}</td><td>${v.namedIdentifier ?? 'Not set'}</td><td>${v.count}</td></tr>`,
  )}</tbody>
</table>`;
}

function detailMarkup(view: DatasetView): SafeHtml {
  return html`<nav aria-label="Breadcrumb"><a href="${DATASETS_PATH}" data-nav>Datasets</a></nav>
<h1 data-dataset-name="${view.name}">${view.name}</h1>
<p class="summary">Type: ${view.type} · Identifier Name: ${view.namedIdentifier ?? 'Not set'} · ${view.count} records (showing the first ${Math.min(ROWS_SHOWN, view.count)})</p>
<table data-view="records" aria-label="Records">
<thead><tr>${view.columns.map((col) => html`<th scope="col">${col}</th>`)}</tr></thead>
<tbody>${view.rows.map(
    (row) => html`<tr>${row.map((cell, i) => (i === 0 ? html`<td data-customer-id="${cell}">${cell}</td>` : html`<td>${cell}</td>`))}</tr>`,
  )}</tbody>
</table>`;
}

function notFoundMarkup(name: string): SafeHtml {
  return html`<nav aria-label="Breadcrumb"><a href="${DATASETS_PATH}" data-nav>Datasets</a></nav>
<h1>Dataset not found</h1><p role="alert">There is no dataset named ${name}.</p>`;
}

const PLATFORM_CSS = html`
  .toolbar { position: fixed; right: 12px; display: flex; gap: 8px; z-index: 10; }
  .toolbar-top { top: 8px; }
  .toolbar-bottom { bottom: 12px; }
  .toolbar button { background: #fff; border: 1px solid #9aa7b5; border-radius: 4px; }
  #platform-last-action { position: fixed; left: 12px; bottom: 12px; font-size: 12px; color: #4a5866; }
  .summary { color: #4a5866; }`;

function shell(title: string, content: SafeHtml, views: DatasetView[]): string {
  const body = html`<header class="app">Monetate · a-demo · demo.example</header>
<div class="toolbar toolbar-top" role="toolbar" aria-label="Platform actions">
  <button type="button" data-platform-button="help">Help</button>
  <button type="button" data-platform-button="account">Account</button>
</div>
<main id="platform-root">
${content}
</main>
<div class="toolbar toolbar-bottom" role="toolbar" aria-label="Page actions">
  <button type="button" data-platform-button="feedback">Feedback</button>
  <button type="button" data-platform-button="save">Save</button>
</div>
<output id="platform-last-action" aria-live="polite"></output>
<script type="application/json" id="platform-data">${jsonForScript({ base: DATASETS_PATH, datasets: views })}</script>
<script>${PLATFORM_SCRIPT}</script>`;
  return documentPage(title, body, PLATFORM_CSS);
}

export function platformPages(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const views = () => [...deps.state.datasets.values()].map(toView);

  app.get('/platform', (c) => c.redirect(DATASETS_PATH, 302));
  app.get('/platform/', (c) => c.redirect(DATASETS_PATH, 302));
  app.get(DATASETS_PATH, (c) => {
    const all = views();
    return c.html(shell('Datasets · Monetate', listMarkup(all), all));
  });
  app.get(`${DATASETS_PATH}/:name`, (c) => {
    const all = views();
    const name = c.req.param('name');
    const view = all.find((v) => v.name === name);
    if (!view) return c.html(shell('Dataset not found · Monetate', notFoundMarkup(name), all), 404);
    return c.html(shell(`${view.name} · Datasets · Monetate`, detailMarkup(view), all));
  });

  return app;
}
