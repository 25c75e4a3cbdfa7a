/**
 * MULTI_STRING codec. Items are joined with `,`; a comma inside an item is written `\,` and a
 * backslash `\\`, the same rule as Monetate's comma escaping and our emulator.
 */

/**
 * Splits a MULTI_STRING value into its items, undoing the escapes. A backslash that escapes
 * neither a comma nor a backslash is kept as a literal character.
 * @example splitMultiString('red,navy\\, dark,a\\\\b') // ['red', 'navy, dark', 'a\\b']
 */
export function splitMultiString(text: string): string[] {
  if (text === '') return [];
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === ',' || next === '\\') {
        current += next;
        i++;
      } else {
        // Not an escape Monetate defines: keep the backslash as written rather than drop data.
        current += ch;
      }
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items;
}

/**
 * Joins items into one MULTI_STRING value, escaping `\` and `,` inside items.
 * @example joinMultiString(['red', 'navy, dark']) // 'red,navy\\, dark'
 */
export function joinMultiString(values: readonly string[]): string {
  return values.map((v) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,')).join(',');
}
