// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { customerIdAt, datasetFromPage, datasetFromUrl, isOverlayPage, PLATFORM_EXAMPLE_URLS } from '@/utils/platform/selectors';

describe('isOverlayPage', () => {
  it('runs on every page of the Monetate platform', () => {
    expect(isOverlayPage(PLATFORM_EXAMPLE_URLS.datasetPage, false)).toBe(true);
    expect(isOverlayPage('https://marketer.monetate.net/', false)).toBe(true);
  });

  it('runs on the emulator only in the local build, and only under /platform/', () => {
    expect(isOverlayPage(PLATFORM_EXAMPLE_URLS.emulatorDatasetPage, true)).toBe(true);
    expect(isOverlayPage('http://localhost:8790/platform/control/a-demo/p/demo.example/datasets', true)).toBe(true);
    expect(isOverlayPage(PLATFORM_EXAMPLE_URLS.emulatorDatasetPage, false)).toBe(false);
    expect(isOverlayPage(PLATFORM_EXAMPLE_URLS.emulatorApiKeys, true)).toBe(false);
    expect(isOverlayPage('http://127.0.0.1:8790/api/data/v1/demo/production/schema/', true)).toBe(false);
  });

  it('stays off look-alike hosts and other schemes', () => {
    expect(isOverlayPage('https://marketer.monetate.net.evil.example/', true)).toBe(false);
    expect(isOverlayPage('http://marketer.monetate.net/', true)).toBe(false);
    expect(isOverlayPage('https://127.0.0.1/platform/x', true)).toBe(false);
    expect(isOverlayPage('not a url', true)).toBe(false);
  });
});

describe('datasetFromUrl', () => {
  it('reads the dataset of a dataset page, on the platform and on the emulator', () => {
    expect(datasetFromUrl(PLATFORM_EXAMPLE_URLS.datasetPage)).toBe('customer_attributes');
    expect(datasetFromUrl(PLATFORM_EXAMPLE_URLS.emulatorDatasetPage)).toBe('customer_attributes');
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetPage}/?tab=records#top`)).toBe('customer_attributes');
  });

  it('decodes the name and refuses what no dataset is called', () => {
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetList}/store%20visits`)).toBe('store visits');
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetList}/%E0%A4%A`)).toBeNull();
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetList}/${'x'.repeat(65)}`)).toBeNull();
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetList}/bad%0Aname`)).toBeNull();
  });

  it('finds no dataset on the list or on other pages', () => {
    expect(datasetFromUrl(PLATFORM_EXAMPLE_URLS.datasetList)).toBeNull();
    expect(datasetFromUrl(PLATFORM_EXAMPLE_URLS.emulatorApiKeys)).toBeNull();
    expect(datasetFromUrl(`${PLATFORM_EXAMPLE_URLS.datasetPage}/records/C-1`)).toBeNull();
  });
});

describe('datasetFromPage', () => {
  it('prefers the URL, then falls back to the page heading', () => {
    document.body.innerHTML = '<h1 data-dataset-name="store_visits">store_visits</h1>';
    expect(datasetFromPage(document, PLATFORM_EXAMPLE_URLS.datasetPage)).toBe('customer_attributes');
    expect(datasetFromPage(document, 'https://marketer.monetate.net/control/a-1/p/shop/segments')).toBe('store_visits');
    document.body.innerHTML = '<h1>Datasets</h1>';
    expect(datasetFromPage(document, PLATFORM_EXAMPLE_URLS.datasetList)).toBeNull();
  });
});

describe('customerIdAt', () => {
  it('finds the customer ID cell an event started in, also from a child node', () => {
    document.body.innerHTML = '<table><tr><td data-customer-id="C-100001"><span>C-100001</span></td><td>Ava</td></tr></table>';
    const span = document.querySelector('span')!;
    expect(customerIdAt(span)).toEqual({ cell: document.querySelector('td'), id: 'C-100001' });
    expect(customerIdAt(document.querySelectorAll('td')[1]!)).toBeNull();
    expect(customerIdAt(null)).toBeNull();
    expect(customerIdAt(window)).toBeNull();
  });

  it('uses the text when the attribute is empty, and ignores empty or oversized IDs', () => {
    document.body.innerHTML = '<table><tr><td data-customer-id=""> vip/42 ?#%é </td><td data-customer-id="">  </td></tr></table>';
    const [withText, blank] = [...document.querySelectorAll('td')];
    expect(customerIdAt(withText!)?.id).toBe('vip/42 ?#%é');
    expect(customerIdAt(blank!)).toBeNull();
    document.body.innerHTML = `<div data-customer-id="${'x'.repeat(513)}"></div>`;
    expect(customerIdAt(document.querySelector('div'))).toBeNull();
  });
});
