/** The part of a storage area this module needs; `setAccessLevel` is missing where a browser lacks it. */
interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void> | void;
}

export interface AccessLevelOutcome {
  /** True when the area is now closed to content scripts by the browser itself. */
  local: boolean;
  session: boolean;
}

/**
 * Closes `storage.local` and `storage.session` to content scripts, so code running in a Monetate
 * page's isolated world can neither read the vaults, history and edit log nor rewrite profiles.
 * Chromium accepts it for both areas. Firefox (153 ESR) has no `setAccessLevel`: its `session`
 * is closed to content scripts anyway, and its `local` stays open to them, so profiles are
 * still checked on every read (see `utils/profiles/profile-store.ts`). Never throws.
 * @example await restrictStorageToTrustedContexts(browser.storage);
 */
export async function restrictStorageToTrustedContexts(storage: { local?: unknown; session?: unknown }): Promise<AccessLevelOutcome> {
  const restrict = async (area: unknown): Promise<boolean> => {
    const setAccessLevel = (area as RestrictableArea | undefined)?.setAccessLevel;
    if (typeof setAccessLevel !== 'function') return false;
    try {
      await setAccessLevel.call(area, { accessLevel: 'TRUSTED_CONTEXTS' });
      return true;
    } catch {
      // A browser that has the method but refuses the area: nothing more can be done here.
      return false;
    }
  };
  const [local, session] = await Promise.all([restrict(storage.local), restrict(storage.session)]);
  return { local, session };
}
