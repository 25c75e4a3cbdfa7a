import { AppError } from '@/utils/errors';
import { validateProfileInput, type ProfileInput } from '@/utils/profiles/profile';
import { LOCAL_BUILD, type Services } from '@/entrypoints/background/services';

/**
 * Profile input as the form checks it (the one base-URL rule of this build included), and, for an
 * API host other than Monetate's, only once the user granted the extension that host. Used by
 * every path that stores a profile: the form and backup import.
 */
export async function checkProfileInput(input: unknown, services: Services): Promise<ProfileInput> {
  const checked = validateProfileInput(input, { localBuild: LOCAL_BUILD });
  if (!checked.ok) {
    const fields = Object.entries(checked.errors).map(([field, message]) => ({ field, message: message ?? '' }));
    throw new AppError('profile_field_invalid', fields[0]?.message, { fields });
  }
  await services.hostAccess.assertMayReach(checked.value.baseUrl);
  return checked.value;
}
