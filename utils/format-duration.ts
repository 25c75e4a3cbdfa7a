const UNITS: Array<[name: string, ms: number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * A duration as people say it: whole seconds (rounded up), told in the two largest units that
 * follow each other ("1 hour 5 seconds" is said "1 hour").
 * @example formatDuration(86_399_000) // '23 hours 59 minutes'
 * @example formatDuration(4_200) // '5 seconds'
 */
export function formatDuration(ms: number): string {
  let rest = Math.max(1000, Math.ceil((Number.isFinite(ms) ? Math.abs(ms) : 0) / 1000) * 1000);
  const parts: string[] = [];
  for (const [name, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count === 0 && parts.length === 0) continue;
    if (count > 0) parts.push(`${count} ${name}${count === 1 ? '' : 's'}`);
    rest -= count * size;
    if (parts.length === 2 || (parts.length === 1 && count === 0)) break;
  }
  return parts.join(' ');
}
