/** How many recent answers the average is taken over: recent enough to follow a slow spell. */
const DEFAULT_WINDOW = 10;

export interface AnswerTimes {
  /** One answer came back `ms` after its request left. */
  record(ms: number): void;
  /** The mean of the recent answer times, rounded to whole ms; undefined before the first. */
  average(): number | undefined;
}

/**
 * The measured time Monetate takes to answer a look-up, over the last few answers. The queue's
 * ETAs use it: a look-up leaves no sooner than 1 s after the previous one's answer, so a slow
 * Monetate spaces the queue out by its answer time too.
 * @example const times = createAnswerTimes(); times.record(300); times.record(500); times.average() // 400
 */
export function createAnswerTimes(windowSize = DEFAULT_WINDOW): AnswerTimes {
  const samples: number[] = [];
  return {
    record(ms) {
      // A clock stepping back could give a negative time; it says nothing about Monetate.
      if (!Number.isFinite(ms) || ms < 0) return;
      samples.push(ms);
      if (samples.length > windowSize) samples.shift();
    },
    average() {
      if (samples.length === 0) return undefined;
      return Math.round(samples.reduce((sum, ms) => sum + ms, 0) / samples.length);
    },
  };
}
