import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '@/utils/errors';
import { MIN_PASSPHRASE_LENGTH } from '@/utils/vault/types';

/** zxcvbn's "safely unguessable" (about 10^8 guesses or more): the least a vault passphrase may score. */
export const MIN_PASSPHRASE_SCORE = 3;

/**
 * Only this many characters are judged: the estimator's cost grows fast with length, and every
 * passphrase that passes is judged on its start alone, so a longer one is never rated higher
 * than it deserves.
 */
const JUDGED_LENGTH = 64;

const LABELS = ['very weak', 'weak', 'fair', 'strong', 'very strong'] as const;

export interface PassphraseEstimate {
  /** 0 (guessed at once) to 4 (very hard to guess), zxcvbn's scale. */
  score: 0 | 1 | 2 | 3 | 4;
  label: (typeof LABELS)[number];
  /** True when the passphrase may protect a key. */
  acceptable: boolean;
  /** How to make it stronger, as one or two sentences; empty when acceptable. */
  advice: string;
}

let estimator: Promise<ZxcvbnFactory> | undefined;

/** The estimator and its dictionaries load on first use (about 2 MB of word lists). */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
        maxLength: JUDGED_LENGTH,
        // The default (100) can take seconds on long repetitive input; 10 still catches common l33t.
        l33tMaxSubstitutions: 10,
      }),
  );
  return estimator;
}

/**
 * How hard a passphrase is to guess, by zxcvbn (dictionaries of common passwords, names, words
 * and keyboard patterns), with words from the profile (`context`: its name, API username,
 * retailer) counted as easy to guess. Used live by the options page; the background re-checks
 * with `checkPassphraseStrength` before sealing anything.
 * @example (await estimatePassphrase('monetate2024', ['acme'])).acceptable // false
 */
export async function estimatePassphrase(passphrase: string, context: readonly string[] = []): Promise<PassphraseEstimate> {
  const text = typeof passphrase === 'string' ? passphrase.normalize('NFC') : '';
  const length = [...text].length;
  const result = (await loadEstimator()).check(text, contextWords(context));
  const score = result.score;
  const label = LABELS[score];
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      score,
      label,
      acceptable: false,
      advice: `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}). Several unrelated words you can picture together work well.`,
    };
  }
  if (score >= MIN_PASSPHRASE_SCORE) return { score, label, acceptable: true, advice: '' };
  const said = [result.feedback.warning, ...result.feedback.suggestions].filter((line): line is string => Boolean(line));
  const advice = said.length > 0 ? said.join(' ') : 'Add another uncommon word or two.';
  return { score, label, acceptable: false, advice: `${advice} Avoid names, dates, keyboard rows and well-known phrases.` };
}

/**
 * Refuses a passphrase too easy to guess once a vault leaves the machine (a backup file):
 * `weak_passphrase`, whose detail says how to make it stronger (the strength is a param).
 * @example await checkPassphraseStrength(passphrase, [profile.name, profile.username]);
 */
export async function checkPassphraseStrength(passphrase: string, context: readonly string[] = []): Promise<void> {
  if (typeof passphrase !== 'string') throw new AppError('passphrase_missing');
  const estimate = await estimatePassphrase(passphrase, context);
  if (!estimate.acceptable) throw new AppError('weak_passphrase', estimate.advice, { params: { strength: estimate.label } });
}

/** Words a guesser would try first for this profile, and the product's own name. */
function contextWords(context: readonly string[]): string[] {
  const words = new Set(['monetate', 'inspector', 'passphrase']);
  for (const item of context) {
    if (typeof item !== 'string') continue;
    const trimmed = item.trim().toLowerCase();
    if (trimmed) words.add(trimmed);
    for (const part of trimmed.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}
