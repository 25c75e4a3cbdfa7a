import { AppError } from '../errors';
import { MIN_PASSPHRASE_LENGTH } from './types';

/**
 * Refuses passphrases too short to resist guessing once a vault leaves the machine (a backup
 * file). Length is counted in characters as a person sees them, not UTF-16 units.
 * @example checkPassphraseStrength(input.value); // throws weak_passphrase for 'hunter2'
 */
export function checkPassphraseStrength(passphrase: string): void {
  if (typeof passphrase !== 'string') throw new AppError('invalid_input', 'The passphrase must be text.');
  const length = [...passphrase.normalize('NFC')].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError(
      'weak_passphrase',
      `use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}); a few unrelated words work well`,
    );
  }
}
