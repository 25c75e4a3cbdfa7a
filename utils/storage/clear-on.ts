import { ITEM_CLEARING, type ClearEvent } from '@/utils/storage/items';
import { updateItem } from '@/utils/storage/update-item';

/**
 * Clears every storage item declared (in `items.ts`) as cleared on `event`: for one profile,
 * that profile's data in each; without a profile (lock all), each item back to its fallback.
 * Serialized with every other update of the same item, so a write under way is not lost or revived.
 * @example await clearOn('profileDelete', profileId);
 */
export async function clearOn(event: ClearEvent, profileId?: string): Promise<void> {
  const targets = ITEM_CLEARING.filter((declaration) => declaration.clearOn.includes(event));
  await Promise.all(
    targets.map(({ item, forgetProfile }) =>
      updateItem(item, (value) => (profileId === undefined ? item.fallback : forgetProfile(value, profileId))),
    ),
  );
}
