// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { HostAccessNotice } from '@/components/profiles/host-access-notice';

const contains = vi.fn<(permissions: { origins: string[] }) => Promise<boolean>>();
const request = vi.fn<(permissions: { origins: string[] }) => Promise<boolean>>();
let permissionListeners: Array<() => void> = [];
const permissionEvent = () => ({
  addListener: (listener: () => void) => permissionListeners.push(listener),
  removeListener: (listener: () => void) => (permissionListeners = permissionListeners.filter((other) => other !== listener)),
});

beforeEach(() => {
  fakeBrowser.reset();
  contains.mockReset();
  request.mockReset();
  permissionListeners = [];
  Object.assign(fakeBrowser.permissions, { contains, request, onAdded: permissionEvent(), onRemoved: permissionEvent() });
});

describe('HostAccessNotice (Firefox lets people withhold the API host)', () => {
  it('shows nothing while the browser grants the profile’s API host', async () => {
    contains.mockResolvedValue(true);
    render(<HostAccessNotice baseUrl="https://api.monetate.net" />);
    await vi.waitFor(() => expect(contains).toHaveBeenCalledWith({ origins: ['https://api.monetate.net/*'] }));
    expect(screen.queryByRole('button', { name: 'Grant access' })).not.toBeInTheDocument();
  });

  it('says the host is withheld and asks for exactly that host on Grant access; the notice goes once granted', async () => {
    contains.mockResolvedValue(false);
    request.mockResolvedValue(true);
    render(<HostAccessNotice baseUrl="https://api.monetate.net" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('has not given this extension access to api.monetate.net');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Grant access' }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.monetate.net/*'] });
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Grant access' })).not.toBeInTheDocument());
  });

  it('asks for the emulator on every port in the local build, and says so when the person refuses', async () => {
    contains.mockResolvedValue(false);
    request.mockResolvedValue(false);
    render(<HostAccessNotice baseUrl="http://127.0.0.1:8790" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Grant access' }));
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(await screen.findByRole('status')).toHaveTextContent('Access to 127.0.0.1:8790 was not granted.');
    expect(screen.getByRole('button', { name: 'Grant access' })).toBeInTheDocument();
  });

  it('appears when access is withdrawn in the browser’s settings while the page is open', async () => {
    contains.mockResolvedValue(true);
    render(<HostAccessNotice baseUrl="https://api.monetate.net" />);
    await vi.waitFor(() => expect(contains).toHaveBeenCalled());
    contains.mockResolvedValue(false);
    for (const listener of permissionListeners) listener();
    expect(await screen.findByRole('button', { name: 'Grant access' })).toBeInTheDocument();
  });
});
