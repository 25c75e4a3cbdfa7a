/**
 * The local flavour's icon: the production icon, tinted orange. `@wxt-dev/auto-icons` marks only
 * `wxt dev` builds (mode `development`); our local flavour is a production-like build in mode
 * `emulator`, so it is marked here, after auto-icons has written the icons.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** The local flavour's colour: orange reads as "not the real one" next to the blue. */
export const LOCAL_ICON_TINT = '#F76707';

/**
 * Rewrites `icons/<size>.png` in a build folder with the local flavour's tint.
 * @example await recolourLocalIcons('.output/chrome-mv3-local', [128, 48, 32, 16]);
 */
export async function recolourLocalIcons(outDir: string, sizes: readonly number[]): Promise<void> {
  for (const size of sizes) {
    const file = path.join(outDir, 'icons', `${size}.png`);
    const tinted = await sharp(await readFile(file)).tint(LOCAL_ICON_TINT).png().toBuffer();
    await writeFile(file, tinted);
  }
}
