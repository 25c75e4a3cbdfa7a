/**
 * Everything the overlay reads from Monetate's platform pages lives here, next to the URLs it
 * was written against, so a change in Monetate's markup is fixed in this one file.
 *
 * The URL shape (`/control/{account}/{instance}/{domain}/…`) is the one the emulator's demo
 * platform pages copy; the dataset pages and the `data-` attributes are the emulator's. Check
 * them against the real platform when Monetate changes its pages.
 */

/** Pages the selectors were written against (kept in step with the unit tests). */
export const PLATFORM_EXAMPLE_URLS = {
  datasetList: 'https://marketer.monetate.net/control/a-1b2c3d4e/p/shop.example.com/datasets',
  datasetPage: 'https://marketer.monetate.net/control/a-1b2c3d4e/p/shop.example.com/datasets/customer_attributes',
  emulatorDatasetList: 'http://127.0.0.1:8790/platform/control/a-demo/p/demo.example/datasets',
  emulatorDatasetPage: 'http://127.0.0.1:8790/platform/control/a-demo/p/demo.example/datasets/customer_attributes',
  /** Served by the emulator but not a platform page: the overlay stays out of it. */
  emulatorApiKeys: 'http://127.0.0.1:8790/settings/api-keys',
} as const;

// Where the overlay runs is defined with the other trusted hosts, which the manifest is built from.
export { isPlatformPage as isOverlayPage, isPlatformOrigin, MONETATE_PLATFORM_ORIGIN } from '@/utils/hosts';

export const PLATFORM_SELECTORS = {
  /** The dataset page's heading names its dataset: `<h1 data-dataset-name="customer_attributes">`. */
  datasetHeading: '[data-dataset-name]',
  /** A record table cell holding a customer ID: `<td data-customer-id="C-100001">`. */
  customerIdCell: '[data-customer-id]',
} as const;

/** `…/control/{account}/{instance}/{domain}/datasets/{name}`, optionally under `/platform`. */
const DATASET_PATH = /^(?:\/platform)?\/control\/[^/]+\/[^/]+\/[^/]+\/datasets\/([^/]+)\/?$/;

const MAX_DATASET_NAME = 64;
const MAX_RECORD_ID = 512;

/**
 * The dataset a platform URL shows, or null on any other page.
 * @example datasetFromUrl(PLATFORM_EXAMPLE_URLS.datasetPage) // 'customer_attributes'
 */
export function datasetFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const match = DATASET_PATH.exec(url.pathname);
  if (!match?.[1]) return null;
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return cleanDatasetName(name);
}

/**
 * The dataset the page shows: from its URL first (right even in the middle of a client-side
 * navigation), else from the page's dataset heading.
 * @example datasetFromPage(document, location.href)
 */
export function datasetFromPage(root: Pick<ParentNode, 'querySelector'>, href: string): string | null {
  const fromUrl = datasetFromUrl(href);
  if (fromUrl) return fromUrl;
  const heading = root.querySelector(PLATFORM_SELECTORS.datasetHeading);
  return cleanDatasetName(heading?.getAttribute('data-dataset-name') ?? '');
}

/**
 * The customer-ID cell an event happened in, with its ID, or null.
 * @example customerIdAt(event.target) // { cell: <td>, id: 'C-100001' }
 */
export function customerIdAt(target: EventTarget | null): { cell: Element; id: string } | null {
  const element = isElement(target) ? target : null;
  const cell = element?.closest(PLATFORM_SELECTORS.customerIdCell);
  if (!cell) return null;
  const id = (cell.getAttribute('data-customer-id') || cell.textContent || '').trim();
  if (!id || id.length > MAX_RECORD_ID) return null;
  return { cell, id };
}

function cleanDatasetName(name: string): string | null {
  const trimmed = name.trim();
  // Only what the look-up protocol would accept; anything else on the page is not a dataset.
  if (!trimmed || trimmed.length > MAX_DATASET_NAME || [...trimmed].some((ch) => ch < ' ' || ch === '\u007f')) return null;
  return trimmed;
}

function isElement(target: EventTarget | null): target is Element {
  return typeof target === 'object' && target !== null && 'closest' in target && typeof (target as Element).closest === 'function';
}
