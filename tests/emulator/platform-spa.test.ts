import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '@/emulator/app.ts';
import { DEMO_DATASET, HTML_RECORD_ID, MULTI_ROW_ID, SPACED_DATASET } from '@/emulator/demo-data.ts';

const ORIGIN = 'http://127.0.0.1:8790';
const DATASETS = '/platform/control/a-demo/p/demo.example/datasets';

/** The dataset list page, loaded in happy-dom with its inline script running. */
async function openDatasetList(): Promise<Window> {
  const page = await (await createEmulator().app.request(DATASETS)).text();
  // The only script evaluated is the emulator's own inline script, so the VM warning does not apply.
  const window = new Window({
    url: `${ORIGIN}${DATASETS}`,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true },
  });
  window.document.write(page);
  await window.happyDOM.waitUntilComplete();
  return window;
}

describe('demo platform client-side navigation', () => {
  it('goes from the list to a dataset with pushState, renders values as text, and comes back on popstate', async () => {
    const window = await openDatasetList();
    const { document } = window;
    expect(document.documentElement.dataset.navigations).toBe('0');

    const link = document.querySelector(`a[href="${DATASETS}/${DEMO_DATASET}"]`);
    expect(link).not.toBeNull();
    (link as unknown as { click(): void }).click();

    expect(window.location.pathname).toBe(`${DATASETS}/${DEMO_DATASET}`);
    expect(document.documentElement.dataset.navigations).toBe('1');
    expect(document.querySelector('[data-dataset-name]')?.getAttribute('data-dataset-name')).toBe(DEMO_DATASET);
    const cells = [...document.querySelectorAll('td[data-customer-id]')];
    expect(cells).toHaveLength(20);
    const htmlRow = cells.find((cell) => cell.getAttribute('data-customer-id') === HTML_RECORD_ID)?.parentElement;
    expect(htmlRow?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(document.querySelector('main img')).toBeNull();

    window.history.back();
    await window.happyDOM.waitUntilComplete();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(window.location.pathname).toBe(DATASETS);
    expect(document.querySelector('table[data-view="dataset-list"]')).not.toBeNull();
    await window.happyDOM.close();
  });

  it('navigates to a dataset whose name has spaces through its encoded link', async () => {
    const window = await openDatasetList();
    const { document } = window;
    const encoded = `${DATASETS}/${encodeURIComponent(SPACED_DATASET)}`;
    (document.querySelector(`a[href="${encoded}"]`) as unknown as { click(): void }).click();
    expect(window.location.pathname).toBe(encoded);
    expect(document.querySelector('[data-dataset-name]')?.getAttribute('data-dataset-name')).toBe(SPACED_DATASET);
    expect(document.title).toBe(`${SPACED_DATASET} · Datasets · Monetate`);
    expect([...document.querySelectorAll(`td[data-customer-id="${MULTI_ROW_ID}"]`)]).toHaveLength(3);
    await window.happyDOM.close();
  });
});
