import { AppError } from '@/utils/errors';

/** Where one profile's Monetate account lives. */
export interface MonetateTarget {
  /** Scheme and host of the API, e.g. `https://api.monetate.net` (the emulator: `http://127.0.0.1:8787`). */
  baseUrl: string;
  /** Retailer shortname, the account part of every Data API path. */
  retailer: string;
}

/**
 * The base URL without trailing slashes, refusing anything but http(s).
 * @example normalizeBaseUrl('https://api.monetate.net/') // 'https://api.monetate.net'
 */
export function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new AppError('base_url_not_url', baseUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('base_url_scheme', url.protocol);
  }
  // A query, fragment or user:password would be glued onto every request path or leak with it.
  if (url.search || url.hash || url.username || url.password) {
    throw new AppError('base_url_extra_parts');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * One path segment, percent-encoded. `.` and `..` are refused because URL parsers resolve
 * them (even as `%2E%2E`) and would climb out of the dataset path.
 */
function segment(value: string, what: string): string {
  if (value.length === 0) throw new AppError('path_part_empty', what);
  if (value === '.' || value === '..') throw new AppError('path_part_reserved', what, { params: { value } });
  return encodeStrict(value, what);
}

function encodeStrict(value: string, what: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    // encodeURIComponent throws on lone surrogates; URLSearchParams would silently turn them
    // into U+FFFD and look up a different record.
    throw new AppError('path_part_unencodable', what);
  }
}

/**
 * The Auth API address that trades a signed JWT for a token.
 * @example authRefreshUrl('https://api.monetate.net', 3600) // 'https://api.monetate.net/api/auth/v0/refresh/?ttl=3600'
 */
export function authRefreshUrl(baseUrl: string, ttl: number): string {
  return `${normalizeBaseUrl(baseUrl)}/api/auth/v0/refresh/?ttl=${encodeURIComponent(String(ttl))}`;
}

/**
 * The root of one retailer's production Data API.
 * @example dataApiRoot('https://api.monetate.net', 'acme') // 'https://api.monetate.net/api/data/v1/acme/production'
 */
export function dataApiRoot(baseUrl: string, retailer: string): string {
  return `${normalizeBaseUrl(baseUrl)}/api/data/v1/${segment(retailer, 'Retailer shortname')}/production`;
}

/**
 * Every dataset (schema) of the account.
 * @example schemaListUrl(target) // '…/production/schema/'
 */
export function schemaListUrl(target: MonetateTarget): string {
  return `${dataApiRoot(target.baseUrl, target.retailer)}/schema/`;
}

/**
 * One dataset's schema (GET and PATCH).
 * @example schemaUrl(target, 'customer_attributes') // '…/production/schema/customer_attributes/'
 */
export function schemaUrl(target: MonetateTarget, name: string): string {
  return `${dataApiRoot(target.baseUrl, target.retailer)}/schema/${segment(name, 'Dataset name')}/`;
}

/**
 * The look-up address of one record. The ID is percent-encoded as a whole, so `+`, `&`, `#`,
 * `/`, spaces and unicode reach Monetate as exactly that ID.
 * @example recordUrl(target, 'customers', 'a+b c') // '…/production/data/customers/?id=a%2Bb%20c'
 */
export function recordUrl(target: MonetateTarget, dataset: string, id: string): string {
  if (id.length === 0) throw new AppError('record_id_invalid', 'Record ID is empty');
  return `${rowsUrl(target, dataset)}?id=${encodeStrict(id, 'Record ID')}`;
}

/**
 * Where rows of a dataset are created or replaced (POST).
 * @example rowsUrl(target, 'customers') // '…/production/data/customers/'
 */
export function rowsUrl(target: MonetateTarget, dataset: string): string {
  return `${dataApiRoot(target.baseUrl, target.retailer)}/data/${segment(dataset, 'Dataset name')}/`;
}

/**
 * The file upload history of a dataset.
 * @example uploadsUrl(target, 'customers') // '…/production/upload/customers/'
 */
export function uploadsUrl(target: MonetateTarget, dataset: string): string {
  return `${dataApiRoot(target.baseUrl, target.retailer)}/upload/${segment(dataset, 'Dataset name')}/`;
}
