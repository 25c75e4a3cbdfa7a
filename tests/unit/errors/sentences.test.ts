import { describe, expect, it } from 'vitest';
import { describeError, ERROR_CODES, tidySentence } from '@/utils/errors';
import { errorFromResponse } from '@/utils/monetate/errors';

/** Details as they come: bare words, whole sentences, quoted names, server text in parentheses. */
const DETAILS = [undefined, 'plain words', 'A whole sentence.', 'Unknown API user "api-nobody".', 'Enter a valid email address.', 'nested (text).', 'Really?'];

describe('error sentences', () => {
  it('never end a clause with a doubled period, whatever the detail', () => {
    for (const code of ERROR_CODES) {
      for (const detail of DETAILS) {
        const sentence = describeError({ code, detail });
        expect(sentence, `${code} with ${JSON.stringify(detail)}`).not.toMatch(/(?<!\.)\.\.(?!\.)/);
        expect(sentence, `${code} with ${JSON.stringify(detail)}`).not.toMatch(/\.["”’']?\)\./);
        expect(sentence, `${code} with ${JSON.stringify(detail)}`).not.toMatch(/[!?]\./);
      }
    }
  });

  it('keep the detail itself, only without the period that would double', () => {
    expect(describeError({ code: 'unauthorized', detail: 'Unknown API user "api-nobody".' })).toBe(
      'Monetate did not accept this API username and key (Unknown API user "api-nobody"). Check the username, and that the public key shown in the options page is registered and active in Monetate.',
    );
    expect(describeError({ code: 'validation', detail: 'email: Enter a valid email address.' })).toBe(
      'Monetate refused the data: email: Enter a valid email address. Correct the marked fields and save again.',
    );
  });

  it('leave an ellipsis alone', () => {
    expect(tidySentence('Loading... done.')).toBe('Loading... done.');
  });
});

describe('validation details of a single record', () => {
  it('do not name "row 0": one record has only that row', () => {
    const envelope = { meta: { code: 400, errors: [{ field: 'email', row: 0, message: 'Enter a valid email address.' }] }, data: null };
    const error = errorFromResponse(400, envelope as never);
    expect(error.detail).toBe('email: Enter a valid email address.');
    expect(describeError(error)).not.toContain('row 0');
  });
});
