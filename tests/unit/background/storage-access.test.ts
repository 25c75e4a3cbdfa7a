import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { restrictStorageToTrustedContexts } from '@/utils/storage/access-level';
import background from '@/entrypoints/background/index';

beforeEach(() => fakeBrowser.reset());

describe('storage access level', () => {
  it('closes local and session storage to content scripts', async () => {
    const local = { setAccessLevel: vi.fn(async () => undefined) };
    const session = { setAccessLevel: vi.fn(async () => undefined) };
    expect(await restrictStorageToTrustedContexts({ local, session })).toEqual({ local: true, session: true });
    expect(local.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('does not crash where the browser lacks it for local storage (Firefox) or refuses it', async () => {
    const session = { setAccessLevel: vi.fn(async () => undefined) };
    expect(await restrictStorageToTrustedContexts({ local: {}, session })).toEqual({ local: false, session: true });
    const refusing = { setAccessLevel: vi.fn(async () => Promise.reject(new Error('Unsupported storage area'))) };
    expect(await restrictStorageToTrustedContexts({ local: refusing, session: undefined })).toEqual({ local: false, session: false });
  });

  it('is set by the background as soon as it starts', async () => {
    const calls: Array<[string, unknown]> = [];
    Object.assign(fakeBrowser.storage.local, { setAccessLevel: async (options: unknown) => void calls.push(['local', options]) });
    Object.assign(fakeBrowser.storage.session, { setAccessLevel: async (options: unknown) => void calls.push(['session', options]) });
    const noEvent = { addListener: () => undefined };
    Object.assign(fakeBrowser.runtime, { onConnect: noEvent });
    Object.assign(fakeBrowser, { contextMenus: { onClicked: noEvent, removeAll: async () => undefined, create: () => undefined }, commands: { onCommand: noEvent } });
    background.main();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls).toEqual(expect.arrayContaining([['local', { accessLevel: 'TRUSTED_CONTEXTS' }], ['session', { accessLevel: 'TRUSTED_CONTEXTS' }]]));
  });
});
