import type { Profile } from '@/utils/profiles/profile';

/**
 * The profile every surface works with: the one marked active, or the first when the mark
 * points nowhere (deleted, or never set). One rule, so no surface can disagree.
 * @example pickActiveProfile(profiles, null)?.name // the first profile's name
 */
export function pickActiveProfile<T extends Pick<Profile, 'id'>>(profiles: readonly T[], activeId: string | null): T | undefined {
  return profiles.find((profile) => profile.id === activeId) ?? profiles[0];
}
