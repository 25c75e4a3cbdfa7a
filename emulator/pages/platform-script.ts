import { SafeHtml } from '@/emulator/pages/html.ts';

/**
 * The demo platform's client side: links between the list and a dataset use
 * history.pushState and re-render in place, like Monetate's single-page app, so an overlay
 * must cope with navigation without a page load. Data is read with textContent and written
 * with DOM APIs only, never innerHTML. `document.documentElement.dataset.navigations` counts
 * client-side renders so end-to-end tests can tell a pushState navigation from a reload.
 */
export const PLATFORM_SCRIPT = new SafeHtml(`
(() => {
  const data = JSON.parse(document.getElementById('platform-data').textContent);
  const root = document.getElementById('platform-root');
  let navigations = 0;
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const href = (name) => data.base + '/' + encodeURIComponent(name);
  const breadcrumb = () => el('nav', { 'aria-label': 'Breadcrumb' }, el('a', { href: data.base, 'data-nav': '' }, 'Datasets'));
  const listView = () => ({
    title: 'Datasets · Monetate',
    nodes: [
      breadcrumb(),
      el('h1', {}, 'Datasets'),
      el('table', { 'data-view': 'dataset-list', 'aria-label': 'Datasets' },
        el('thead', {}, el('tr', {}, ...['Name', 'Type', 'Identifier Name', 'Records'].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, ...data.datasets.map((v) => el('tr', { 'data-dataset-row': v.name },
          el('td', {}, el('a', { href: href(v.name), 'data-nav': '' }, v.name)),
          el('td', {}, v.type),
          el('td', {}, v.namedIdentifier ?? 'Not set'),
          el('td', {}, String(v.count)))))),
    ],
  });
  const detailView = (name) => {
    const v = data.datasets.find((d) => d.name === name);
    if (!v) {
      return { title: 'Dataset not found · Monetate', nodes: [breadcrumb(), el('h1', {}, 'Dataset not found'), el('p', { role: 'alert' }, 'There is no dataset named ' + name + '.')] };
    }
    return {
      title: v.name + ' · Datasets · Monetate',
      nodes: [
        breadcrumb(),
        el('h1', { 'data-dataset-name': v.name }, v.name),
        el('p', { class: 'summary' }, 'Type: ' + v.type + ' · Identifier Name: ' + (v.namedIdentifier ?? 'Not set') + ' · ' + v.count + ' records (showing the first ' + Math.min(20, v.count) + ')'),
        el('table', { 'data-view': 'records', 'aria-label': 'Records' },
          el('thead', {}, el('tr', {}, ...v.columns.map((c) => el('th', { scope: 'col' }, c)))),
          el('tbody', {}, ...v.rows.map((row) => el('tr', {}, ...row.map((cell, i) => el('td', i === 0 ? { 'data-customer-id': cell } : {}, cell)))))),
      ],
    };
  };
  const render = (path) => {
    const rest = path.replace(/\\/+$/, '');
    const view = rest === data.base ? listView() : detailView(decodeURIComponent(rest.slice(data.base.length + 1)));
    root.replaceChildren(...view.nodes);
    document.title = view.title;
    navigations += 1;
    document.documentElement.dataset.navigations = String(navigations);
  };
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const link = target && target.closest('a[data-nav]');
    if (link && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      history.pushState(null, '', link.getAttribute('href'));
      render(location.pathname);
      return;
    }
    const button = target && target.closest('[data-platform-button]');
    if (button) document.getElementById('platform-last-action').textContent = button.textContent + ' clicked';
  });
  window.addEventListener('popstate', () => render(location.pathname));
  document.documentElement.dataset.navigations = '0';
})();
`);
