import { z } from 'zod';
import { AppError } from '@/utils/errors';
import { activeProfileIdItem, profilesItem } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';
import { pickActiveProfile } from '@/utils/storage/active-profile';
import { profileSchema, validateProfileInput, type Profile } from '@/utils/profiles/profile';
import type { ProfileSealer } from '@/utils/profiles/profile-seal';

/** Why a stored profile must not be used: it breaks the rules of this build, or its seal does not match. */
export type ProfileProblem = 'invalid' | 'changed';

export interface CheckedProfile {
  profile: Profile;
  /** Null when the profile may be used. */
  problem: ProfileProblem | null;
}

export interface ProfileStore {
  /** Every stored profile that can be shown, each checked; entries too damaged to show are left out. */
  list(): Promise<CheckedProfile[]>;
  /** The profile, if it may be used; otherwise `profile_missing`, `profile_invalid` or `profile_changed`. */
  usable(id: string): Promise<Profile>;
  /** The active profile (see `pickActiveProfile`), checked the same way. */
  active(): Promise<Profile>;
  /** The active profile as shown, with its problem, or null when there is none. */
  activeChecked(): Promise<CheckedProfile | null>;
  /** Seals and stores a profile (new, or replacing the one with its id). Only for input a person gave in an extension page. */
  put(profile: Profile): Promise<void>;
  /** Removes a profile; the others are kept exactly as stored. */
}

/** A stored profile: its fields plus the seal. Read as unknown: storage may hold anything. */
const storedShape = profileSchema.extend({ seal: z.string().max(200).optional() }).loose();

/**
 * Profiles as the background reads them: checked on every read, not only when written. A profile
 * is used only if it passes the same validation as the profile form (the base-URL rule of this
 * build included) and its seal matches, so a profile rewritten in storage directly (a new base URL,
 * read-only turned off) is refused with a sentence saying how to fix it, never used.
 * @example const store = createProfileStore({ localBuild: false, sealer }); const profile = await store.active();
 */
export function createProfileStore(options: { localBuild: boolean; sealer: ProfileSealer }): ProfileStore {
  const { localBuild, sealer } = options;

  async function raw(): Promise<unknown[]> {
    const stored: unknown = await profilesItem.getValue();
    return Array.isArray(stored) ? stored : [];
  }

  async function check(entry: unknown): Promise<CheckedProfile | null> {
    const shaped = storedShape.safeParse(entry);
    // Not even the shape of a profile: nothing to show, nothing to use.
    if (!shaped.success) return null;
    const { seal, ...rest } = shaped.data;
    const profile = profileSchema.parse(rest);
    // The stored values must be what the form would store now: valid, and already normalized.
    const valid = validateProfileInput(profile, { localBuild });
    if (!valid.ok || valid.value.baseUrl !== profile.baseUrl) return { profile, problem: 'invalid' };
    return { profile, problem: (await sealer.verify(profile, seal)) ? null : 'changed' };
  }

  async function list(): Promise<CheckedProfile[]> {
    const result: CheckedProfile[] = [];
    for (const entry of await Promise.all((await raw()).map(check))) {
      // Two entries with one id: only the first counts, as every look-up by id finds that one.
      if (entry && !result.some((kept) => kept.profile.id === entry.profile.id)) result.push(entry);
    }
    return result;
  }

  function usableOrThrow(entry: CheckedProfile | undefined | null): Profile {
    if (!entry) throw new AppError('profile_missing');
    if (entry.problem === 'invalid') throw new AppError('profile_invalid', entry.profile.name);
    if (entry.problem === 'changed') throw new AppError('profile_changed', entry.profile.name);
    return entry.profile;
  }

  async function activeChecked(): Promise<CheckedProfile | null> {
    const [profiles, activeId] = await Promise.all([list(), activeProfileIdItem.getValue()]);
    const ids = profiles.map((entry) => ({ id: entry.profile.id, entry }));
    return pickActiveProfile(ids, activeId)?.entry ?? null;
  }

  return {
    list,
    async usable(id) {
      return usableOrThrow((await list()).find((entry) => entry.profile.id === id));
    },
    async active() {
      return usableOrThrow(await activeChecked());
    },
    activeChecked,
    async put(profile) {
      const clean = profileSchema.parse(profile);
      const sealed = { ...clean, seal: await sealer.seal(clean) };
      await updateItem(profilesItem, (current: unknown) => {
        const stored = Array.isArray(current) ? (current as unknown[]) : [];
        const index = stored.findIndex((entry) => idOf(entry) === clean.id);
        return (index >= 0 ? stored.map((entry, at) => (at === index ? sealed : entry)) : [...stored, sealed]) as Profile[];
      });
    },
  };
}

function idOf(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
}
