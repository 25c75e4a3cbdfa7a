import { AppError } from '@/utils/errors';
import type { Profile } from '@/utils/profiles/profile';
import { withEditLog, type WriteDescription } from '@/utils/storage/edit-log';
import type { Services } from '@/entrypoints/background/services';
import { targetOf } from '@/entrypoints/background/target';

/**
 * Runs a write to Monetate for a profile: logged as sent before it leaves, one fresh token on
 * a 401, and after a 403 one schema read with the same token to tell a Read-Only API User
 * from a deactivated key.
 * @example await writeToMonetate(services, profile, { schema, recordId, kind: 'update', changes }, (token) => client.postRows(…));
 */
export function writeToMonetate<T>(services: Services, profile: Profile, log: WriteDescription, run: (token: string) => Promise<T>): Promise<T> {
  const probeRead = (token: string) => services.client.getSchema(targetOf(profile), token, log.dataset);
  return withEditLog(profile, log, () => services.auth.call(profile.id, run, { probeRead }));
}

/** The active profile, unless it is marked read-only (then nothing may be written). */
export async function writableProfile(services: Services): Promise<Profile> {
  const profile = await services.activeProfile();
  if (profile.readOnly) throw new AppError('read_only_profile');
  return profile;
}
