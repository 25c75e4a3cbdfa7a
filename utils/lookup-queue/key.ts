import { AppError } from '@/utils/errors';
import type { LookupRequest } from '@/utils/lookup-queue/types';

/**
 * The identity of a look-up: same profile, dataset and ID means the same answer.
 * @example lookupKey({ profileId: 'p1', schema: 'customers', id: 'C-1' }) // '{"profileId":"p1","schema":"customers","id":"C-1"}'
 */
export function lookupKey(request: LookupRequest): string {
  for (const part of ['profileId', 'dataset', 'id'] as const) {
    const value: unknown = request[part];
    if (typeof value !== 'string' || value.length === 0) throw new AppError('lookup_incomplete', part);
  }
  // Fixed key order, so two requests built differently still match.
  return JSON.stringify({ profileId: request.profileId, dataset: request.dataset, id: request.id });
}
