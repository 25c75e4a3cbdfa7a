import { badgeView, type BadgeState, type BadgeView } from '@/utils/badge/badge-view';
import { toolbarAction } from '@/utils/browser/toolbar-action';

/**
 * Keeps the toolbar badge in step with the background: the lock state is re-read on every
 * state change, the pending count comes with every queue event. Writes only what changed.
 * @example const badge = createBadge({ readProfile }); queue.subscribe((s) => badge.setPending(s.waiting.length));
 */
export function createBadge(deps: { readProfile(): Promise<BadgeState['profile']>; write?(view: BadgeView): Promise<void> }) {
  const write = deps.write ?? writeToToolbar;
  let profile: BadgeState['profile'] | null = null;
  let pending = 0;
  let shown = '';

  const apply = () => {
    // Until the lock state is known, a count alone could show over a locked key.
    if (profile === null) return;
    const view = badgeView({ profile, pending });
    const key = JSON.stringify(view);
    if (key === shown) return;
    shown = key;
    write(view).catch(() => {
      // The next change tries again.
      shown = '';
    });
  };

  return {
    /** Re-reads the lock state (after any state change) and updates the badge. */
    async refreshProfile(): Promise<void> {
      try {
        profile = await deps.readProfile();
      } catch {
        return;
      }
      apply();
    },
    /** The queue changed: this many look-ups wait or are being sent. */
    setPending(count: number): void {
      pending = count;
      apply();
    },
  };
}

async function writeToToolbar(view: BadgeView): Promise<void> {
  const action = toolbarAction();
  if (!action) return;
  await Promise.all([action.setBadgeText({ text: view.text }), action.setBadgeBackgroundColor({ color: view.color }), action.setTitle({ title: view.title })]);
}
