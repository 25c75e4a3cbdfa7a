import { AppError } from '@/utils/errors';
import { activeProfileIdItem, tokensItem } from '@/utils/storage/items';
import { dropKey, updateItem } from '@/utils/storage/update-item';
import { checkProfileInput } from '@/entrypoints/background/profile-input';
import type { Handler } from '@/entrypoints/background/handlers/types';

export const getState: Handler<'state.get'> = (_payload, { services }) => services.appState();

/** Saves a new or edited profile; nothing is written unless every field is valid. */
export const saveProfile: Handler<'profiles.save'> = async ({ id, input }, { services }) => {
  const value = await checkProfileInput(input, services);
  const profiles = (await services.profiles.list()).map((entry) => entry.profile);
  if (id) {
    const existing = profiles.find((profile) => profile.id === id);
    if (!existing) throw new AppError('profile_missing');
    // Every field comes from this input: a profile that was changed in storage is fixed by saving it.
    const updated = { id: existing.id, createdAt: existing.createdAt, ...value };
    await services.profiles.put(updated);
    // A changed base URL, retailer or user makes any cached token meaningless.
    if (existing.baseUrl !== updated.baseUrl || existing.username !== updated.username || existing.retailer !== updated.retailer) {
      await dropKey(tokensItem, id);
    }
    return updated;
  }
  const created = { ...value, id: crypto.randomUUID(), createdAt: Date.now() };
  await services.profiles.put(created);
  if (!(await activeProfileIdItem.getValue()) || profiles.length === 0) await activeProfileIdItem.setValue(created.id);
  return created;
};

export const deleteProfile: Handler<'profiles.delete'> = async ({ id }, { services }) => {
  // A profile that must not be used may still be deleted.
  const profiles = (await services.profiles.list()).map((entry) => entry.profile);
  if (!profiles.some((profile) => profile.id === id)) throw new AppError('profile_missing');
  const remaining = profiles.filter((profile) => profile.id !== id);
  await services.forgetProfile(id);
  await updateItem(activeProfileIdItem, (active) => (active === id ? (remaining[0]?.id ?? null) : active));
  return null;
};

export const activateProfile: Handler<'profiles.activate'> = async ({ id }, { services }) => {
  if (!(await services.profiles.list()).some((entry) => entry.profile.id === id)) throw new AppError('profile_missing');
  await activeProfileIdItem.setValue(id);
  return null;
};
