import type { Profile } from '../profiles/profile';
import { activeProfileIdItem, profilesItem } from './items';

/**
 * The profile every surface works with: the one marked active, or the first when the mark
 * points nowhere (deleted, or never set). One rule, so no surface can disagree.
 * @example pickActiveProfile(profiles, null)?.name // the first profile's name
 */
export function pickActiveProfile<T extends Pick<Profile, 'id'>>(profiles: readonly T[], activeId: string | null): T | undefined {
  return profiles.find((profile) => profile.id === activeId) ?? profiles[0];
}

/** Reads the stored profiles and returns the active one, if any. */
export async function loadActiveProfile(): Promise<Profile | undefined> {
  const [profiles, activeId] = await Promise.all([profilesItem.getValue(), activeProfileIdItem.getValue()]);
  return pickActiveProfile(profiles, activeId);
}
