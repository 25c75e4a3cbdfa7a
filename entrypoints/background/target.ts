import type { MonetateTarget } from '@/utils/monetate';
import type { Profile } from '@/utils/profiles/profile';

/** Where a profile's requests go. */
export function targetOf(profile: Profile): MonetateTarget {
  return { baseUrl: profile.baseUrl, retailer: profile.retailer };
}
