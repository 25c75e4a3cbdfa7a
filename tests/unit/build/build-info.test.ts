import { describe, expect, it } from 'vitest';
import { buildFlavour, FIREFOX_MIN_VERSION, GECKO_ID } from '@/utils/build-info';

describe('build info', () => {
  it('names the emulator mode the local flavour and every other mode production', () => {
    expect(buildFlavour('emulator')).toBe('local');
    expect(buildFlavour('production')).toBe('production');
    expect(buildFlavour('development')).toBe('production');
  });

  it('uses a GUID gecko id (no domain we do not own) and a Firefox that reads data_collection_permissions', () => {
    expect(GECKO_ID).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140);
  });
});
