import { describe, expect, it } from 'vitest';
import { validateProfileInput } from '@/utils/profiles/profile';

const draft = { name: 'Acme', baseUrl: 'https://api.monetate.net', retailer: 'acme', username: 'api-1', ttlSeconds: 3600, alg: 'RS256', readOnly: false, confirmWrites: true };
const withDataset = (defaultDataset: string) => validateProfileInput({ ...draft, defaultDataset }, { localBuild: false });

describe('a profile’s default dataset', () => {
  it('may be a name with spaces, as real Monetate dataset names are', () => {
    expect(withDataset('next buy reco semi known users')).toMatchObject({ ok: true, value: { defaultDataset: 'next buy reco semi known users' } });
    expect(withDataset('  customer_attributes ')).toMatchObject({ ok: true, value: { defaultDataset: 'customer_attributes' } });
  });

  it('still refuses what cannot be a dataset name, saying what one looks like', () => {
    expect(withDataset('1st dataset')).toMatchObject({ ok: false, errors: { defaultDataset: 'A dataset name begins with a letter and has letters, digits, spaces, - and _.' } });
    expect(withDataset('a/b')).toMatchObject({ ok: false });
  });
});
