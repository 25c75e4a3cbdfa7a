import { describe, expect, it } from 'vitest';
import { createPacer, type PacerOptions } from '@/utils/lookup-queue';

const START = 1_000_000;

function setup(overrides: Partial<PacerOptions> = {}) {
  const clock = { t: START };
  const saves: number[] = [];
  const pacer = createPacer({
    now: () => clock.t,
    load: async () => 0,
    save: async (ms) => {
      saves.push(ms);
    },
    minSpacingMs: 1000,
    marginMs: 50,
    unansweredAllowanceMs: 250,
    ...overrides,
  });
  return { pacer, clock, saves };
}

describe('pacer', () => {
  it('lets the first send go at once when nothing was saved', async () => {
    const { pacer } = setup();
    expect(await pacer.ensureLoaded()).toBe(true);
    expect(pacer.waitMs()).toBeLessThanOrEqual(0);
  });

  it('spaces the next send 1 s plus the margin after a send, and saves the allowance for a dying worker', async () => {
    const { pacer, clock, saves } = setup();
    await pacer.ensureLoaded();
    await pacer.beforeSend();
    expect(pacer.nextAllowedAt).toBe(START + 1050);
    expect(saves).toEqual([START + 1050 + 250]);
    clock.t += 1049;
    expect(pacer.waitMs()).toBe(1);
    clock.t += 1;
    expect(pacer.waitMs()).toBe(0);
  });

  it('waits 1 s after a slow answer and asks to save that pace', async () => {
    const { pacer, clock } = setup();
    await pacer.beforeSend();
    clock.t += 1500;
    expect(pacer.afterAnswer()).toBe(true);
    expect(pacer.nextAllowedAt).toBe(START + 1500 + 1005);
  });

  it('keeps the send spacing after a quick answer, with nothing more to save', async () => {
    const { pacer, clock } = setup();
    await pacer.beforeSend();
    clock.t += 20;
    expect(pacer.afterAnswer()).toBe(false);
    expect(pacer.nextAllowedAt).toBe(START + 1050);
  });

  it('re-stamps and saves the pace when the request leaves late, not when on time', async () => {
    const { pacer, clock, saves } = setup();
    await pacer.beforeSend();
    clock.t += 5;
    await pacer.onWire();
    expect(saves).toHaveLength(1);
    clock.t += 395;
    await pacer.onWire();
    expect(pacer.nextAllowedAt).toBe(START + 400 + 1050);
    expect(saves.at(-1)).toBe(START + 400 + 1050);
  });

  it('counts from the real departure when saving took long', async () => {
    const clock = { t: START };
    const pacer = createPacer({
      now: () => clock.t,
      load: async () => 0,
      save: async () => {
        clock.t += 300;
      },
      minSpacingMs: 1000,
      marginMs: 50,
      unansweredAllowanceMs: 250,
    });
    await pacer.beforeSend();
    expect(pacer.nextAllowedAt).toBe(START + 300 + 1050);
  });

  it('makes a restarted worker wait for the pace its predecessor saved, but not for a clock jump', async () => {
    const saved = setup({ load: async () => START + 800 });
    await saved.pacer.ensureLoaded();
    expect(saved.pacer.waitMs()).toBe(800);
    const jumped = setup({ load: async () => START + 86_400_000 });
    await jumped.pacer.ensureLoaded();
    expect(jumped.pacer.waitMs()).toBe(300_000);
  });

  it('assumes a send just happened when the saved pace cannot be read, and reads it only once', async () => {
    let reads = 0;
    const { pacer } = setup({
      load: async () => {
        reads += 1;
        throw new Error('storage gone');
      },
    });
    expect(await pacer.ensureLoaded()).toBe(true);
    expect(await pacer.ensureLoaded()).toBe(false);
    expect(reads).toBe(1);
    expect(pacer.waitMs()).toBe(1050);
  });

  it('holds for a 429 with its reason until the hold ends, then says only spacing holds', async () => {
    const { pacer, clock, saves } = setup();
    await pacer.beforeSend();
    await pacer.hold(5000, 'retry_after');
    expect(pacer.nextAllowedAt).toBe(START + 5000);
    expect(saves.at(-1)).toBe(START + 5000);
    expect(pacer.heldReason(clock.t)).toBe('retry_after');
    expect(pacer.heldReason(START + 5000)).toBeUndefined();
  });

  it('never shortens the pace with a hold shorter than the spacing', async () => {
    const { pacer } = setup();
    await pacer.beforeSend();
    await pacer.hold(10, 'backoff');
    expect(pacer.nextAllowedAt).toBe(START + 1050);
  });

  it('clears the hold reason on the next send', async () => {
    const { pacer, clock } = setup();
    await pacer.hold(5000, 'backoff');
    clock.t += 5000;
    await pacer.beforeSend();
    expect(pacer.heldReason(clock.t)).toBeUndefined();
  });

  it('keeps pacing in memory when saving fails', async () => {
    const { pacer } = setup({
      save: async () => {
        throw new Error('quota');
      },
    });
    await expect(pacer.beforeSend()).resolves.toBeUndefined();
    expect(pacer.waitMs()).toBe(1050);
  });
});
