/**
 * Byte-for-byte comparison of two sets of files (path → content), used to check that the
 * Firefox sources zip rebuilds to exactly the Firefox zip AMO gets.
 */

export interface TreeDifference {
  /** In the expected set, not in the actual one. */
  missing: string[];
  /** In the actual set, not in the expected one. */
  extra: string[];
  /** In both, with different bytes. */
  differing: string[];
}

/**
 * What differs between the expected files and the actual ones; all three lists empty means the
 * same bytes at the same paths.
 * @example compareTrees(new Map([['a', Buffer.from('1')]]), new Map([['a', Buffer.from('2')]])) // { missing: [], extra: [], differing: ['a'] }
 */
export function compareTrees(expected: ReadonlyMap<string, Uint8Array>, actual: ReadonlyMap<string, Uint8Array>): TreeDifference {
  const missing: string[] = [];
  const differing: string[] = [];
  for (const [file, bytes] of expected) {
    const other = actual.get(file);
    if (other === undefined) missing.push(file);
    else if (!Buffer.from(bytes).equals(Buffer.from(other))) differing.push(file);
  }
  const extra = [...actual.keys()].filter((file) => !expected.has(file));
  return { missing: missing.sort(), extra: extra.sort(), differing: differing.sort() };
}

/** True when the two sets hold the same bytes at the same paths. */
export function sameTrees(difference: TreeDifference): boolean {
  return difference.missing.length === 0 && difference.extra.length === 0 && difference.differing.length === 0;
}
