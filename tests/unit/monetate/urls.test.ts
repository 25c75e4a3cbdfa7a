import { describe, expect, it } from 'vitest';
import { AppError } from '@/utils/errors';
import {
  authRefreshUrl,
  dataApiRoot,
  normalizeBaseUrl,
  recordUrl,
  rowsUrl,
  schemaListUrl,
  schemaUrl,
  uploadsUrl,
} from '@/utils/monetate';

const target = { baseUrl: 'https://api.monetate.net', retailer: 'acme' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return undefined;
}

describe('Monetate URLs', () => {
  const trickyIds = [
    'C-1',
    'a/b',
    '../../schema/',
    'what?id=other',
    'hash#tag',
    '100%',
    '%2F',
    'two words',
    ' padded ',
    'a+b',
    'a&id=evil',
    'x=y',
    'Zoë 李 🚀',
    '..',
  ];

  it.each(trickyIds)('looks up exactly the ID %j', (id) => {
    const url = new URL(recordUrl(target, 'customer_attributes', id));
    expect(url.searchParams.get('id')).toBe(id);
    expect([...url.searchParams.keys()]).toEqual(['id']);
    expect(url.pathname).toBe('/api/data/v1/acme/production/data/customer_attributes/');
    expect(url.hash).toBe('');
  });

  it('sends + as %2B so Monetate does not read it as a space', () => {
    expect(recordUrl(target, 'customers', 'a+b c')).toBe(
      'https://api.monetate.net/api/data/v1/acme/production/data/customers/?id=a%2Bb%20c',
    );
  });

  it('keeps a dataset name with a slash inside its own path segment', () => {
    const url = new URL(schemaUrl(target, 'odd/name?x'));
    expect(url.pathname).toBe('/api/data/v1/acme/production/schema/odd%2Fname%3Fx/');
    expect(url.search).toBe('');
  });

  it.each([
    ['.', 'path_part_reserved'],
    ['..', 'path_part_reserved'],
    ['', 'path_part_empty'],
  ])('refuses the dataset name %j instead of climbing out of the path', (name, code) => {
    expect(codeOf(() => rowsUrl(target, name))).toBe(code);
  });

  it('refuses an empty record ID and one with a lone surrogate', () => {
    expect(codeOf(() => recordUrl(target, 'customers', ''))).toBe('record_id_invalid');
    expect(codeOf(() => recordUrl(target, 'customers', 'bad\uD800'))).toBe('path_part_unencodable');
  });

  it('encodes the retailer shortname', () => {
    expect(dataApiRoot('https://api.monetate.net', 'a b/c')).toBe('https://api.monetate.net/api/data/v1/a%20b%2Fc/production');
  });

  it('builds every Data API address from the same root', () => {
    const root = 'https://api.monetate.net/api/data/v1/acme/production';
    expect(schemaListUrl(target)).toBe(`${root}/schema/`);
    expect(schemaUrl(target, 'customers')).toBe(`${root}/schema/customers/`);
    expect(rowsUrl(target, 'customers')).toBe(`${root}/data/customers/`);
    expect(uploadsUrl(target, 'customers')).toBe(`${root}/upload/customers/`);
  });

  it('builds the token address with the TTL', () => {
    expect(authRefreshUrl('https://api.monetate.net/', 3600)).toBe('https://api.monetate.net/api/auth/v0/refresh/?ttl=3600');
  });

  it('drops trailing slashes and keeps a path prefix of the base URL', () => {
    expect(normalizeBaseUrl('https://api.monetate.net///')).toBe('https://api.monetate.net');
    expect(normalizeBaseUrl('http://127.0.0.1:8787/mock/')).toBe('http://127.0.0.1:8787/mock');
    expect(schemaListUrl({ baseUrl: 'http://localhost:8787/', retailer: 'acme' })).toBe(
      'http://localhost:8787/api/data/v1/acme/production/schema/',
    );
  });

  it.each([
    ['ftp://api.monetate.net', 'base_url_scheme'],
    ['javascript:alert(1)', 'base_url_scheme'],
    ['api.monetate.net', 'base_url_not_url'],
    ['https://api.monetate.net/?x=1', 'base_url_extra_parts'],
    ['https://u:p@api.monetate.net', 'base_url_extra_parts'],
  ])(
    'refuses the base URL %j',
    (baseUrl, code) => {
      expect(codeOf(() => normalizeBaseUrl(baseUrl))).toBe(code);
    },
  );
});
