import { AppError } from '@/utils/errors';
import { validateProfileInput } from '@/utils/profiles/profile';
import { activeProfileIdItem, knownDatasetsItem, lookupHistoryItem, profilesItem, tokensItem, vaultsItem } from '@/utils/storage/items';
import type { Handler } from './types';

export const getState: Handler<'state.get'> = (_payload, { services }) => services.appState();

/** Saves a new or edited profile; nothing is written unless every field is valid. */
export const saveProfile: Handler<'profiles.save'> = async ({ id, input }) => {
  const checked = validateProfileInput(input);
  if (!checked.ok) {
    const fields = Object.entries(checked.errors).map(([field, message]) => ({ field, message: message ?? '' }));
    throw new AppError('invalid_input', fields[0]?.message, { fields });
  }
  const profiles = await profilesItem.getValue();
  if (id) {
    const existing = profiles.find((profile) => profile.id === id);
    if (!existing) throw new AppError('profile_missing');
    const updated = { ...existing, ...checked.value };
    await profilesItem.setValue(profiles.map((profile) => (profile.id === id ? updated : profile)));
    // A changed base URL, retailer or user makes any cached token meaningless.
    if (existing.baseUrl !== updated.baseUrl || existing.username !== updated.username || existing.retailer !== updated.retailer) {
      const { [id]: _dropped, ...rest } = await tokensItem.getValue();
      await tokensItem.setValue(rest);
    }
    return updated;
  }
  const created = { ...checked.value, id: crypto.randomUUID(), createdAt: Date.now() };
  await profilesItem.setValue([...profiles, created]);
  if (!(await activeProfileIdItem.getValue()) || profiles.length === 0) await activeProfileIdItem.setValue(created.id);
  return created;
};

export const deleteProfile: Handler<'profiles.delete'> = async ({ id }, { services }) => {
  const profiles = await profilesItem.getValue();
  if (!profiles.some((profile) => profile.id === id)) throw new AppError('profile_missing');
  const remaining = profiles.filter((profile) => profile.id !== id);
  await services.keys.lock(id);
  const { [id]: _vault, ...vaults } = await vaultsItem.getValue();
  const { [id]: _token, ...tokens } = await tokensItem.getValue();
  const { [id]: _history, ...history } = await lookupHistoryItem.getValue();
  const { [id]: _datasets, ...datasets } = await knownDatasetsItem.getValue();
  await Promise.all([
    vaultsItem.setValue(vaults),
    tokensItem.setValue(tokens),
    lookupHistoryItem.setValue(history),
    knownDatasetsItem.setValue(datasets),
    profilesItem.setValue(remaining),
  ]);
  if ((await activeProfileIdItem.getValue()) === id) await activeProfileIdItem.setValue(remaining[0]?.id ?? null);
  services.queue.clearCache(id);
  return null;
};

export const activateProfile: Handler<'profiles.activate'> = async ({ id }) => {
  const profiles = await profilesItem.getValue();
  if (!profiles.some((profile) => profile.id === id)) throw new AppError('profile_missing');
  await activeProfileIdItem.setValue(id);
  return null;
};
