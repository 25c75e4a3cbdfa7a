import { AppError } from '@/utils/errors';

/**
 * The typed error a promise rejects with; fails the test when it resolves or throws anything else.
 * @example expect((await failureOf(client.postRows(…))).code).toBe('outcome_unknown');
 */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}
