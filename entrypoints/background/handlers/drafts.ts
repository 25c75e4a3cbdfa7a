import { draftKey, putDraft } from '@/utils/records/draft';
import { recordDraftsItem } from '@/utils/storage/items';
import { readItem, updateItem } from '@/utils/storage/update-item';
import type { Handler } from '@/entrypoints/background/handlers/types';

// Drafts belong to the active profile: a page never names the profile whose drafts it reads.

export const getDraft: Handler<'draft.get'> = async ({ dataset, id }, { services }) => {
  const profile = await services.activeProfile();
  return (await readItem(recordDraftsItem))[profile.id]?.[draftKey(dataset, id)] ?? null;
};

export const saveDraft: Handler<'draft.save'> = async ({ dataset, id, draft }, { services }) => {
  const profile = await services.activeProfile();
  await updateItem(recordDraftsItem, (all) => ({ ...all, [profile.id]: putDraft(all[profile.id] ?? {}, { ...draft, dataset, id, savedAt: Date.now() }) }));
  return null;
};

export const discardDraft: Handler<'draft.discard'> = async ({ dataset, id }, { services }) => {
  const profile = await services.activeProfile();
  const key = draftKey(dataset, id);
  await updateItem(recordDraftsItem, (all) => {
    const drafts = all[profile.id];
    if (!drafts || !Object.hasOwn(drafts, key)) return all;
    const { [key]: _dropped, ...rest } = drafts;
    return { ...all, [profile.id]: rest };
  });
  return null;
};

/** Nothing to do here: the router counts every request from a person as activity for auto-lock. */
export const noteActivity: Handler<'activity'> = async () => null;
