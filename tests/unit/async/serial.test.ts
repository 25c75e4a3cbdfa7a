import { describe, expect, it } from 'vitest';
import { createSerial } from '@/utils/async/serial';

describe('createSerial', () => {
  it('starts each task only after the one before it has settled, even when that one failed', async () => {
    const run = createSerial();
    const events: string[] = [];
    let release!: () => void;
    const first = run(async () => {
      events.push('first starts');
      await new Promise<void>((resolve) => (release = resolve));
      events.push('first ends');
      throw new Error('first failed');
    });
    const second = run(async () => {
      events.push('second starts');
      return 2;
    });
    await Promise.resolve();
    expect(events).toEqual(['first starts']);
    release();
    await expect(first).rejects.toThrow('first failed');
    await expect(second).resolves.toBe(2);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('keeps no queue between two owners', async () => {
    const blocked = createSerial();
    void blocked(() => new Promise(() => undefined));
    await expect(createSerial()(async () => 'free')).resolves.toBe('free');
  });
});
