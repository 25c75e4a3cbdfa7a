// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ProfileForm } from '@/components/profiles/profile-form';
import type { Profile } from '@/utils/profiles/profile';

const sendRequest = vi.fn();
vi.mock('@/utils/messages/send', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));

const request = vi.fn<(permissions: { origins: string[] }) => Promise<boolean>>();

beforeEach(() => {
  sendRequest.mockReset();
  sendRequest.mockImplementation(async (_type: string, { input }: { input: object }) => ({ ...input, id: 'p1', createdAt: 1 }));
  request.mockReset();
  Object.assign(fakeBrowser.permissions, { request });
});

async function fillAndSave(baseUrl: string) {
  const user = userEvent.setup();
  render(<ProfileForm profile={null} defaultBaseUrl="https://api.monetate.net" localBuild={false} onSaved={() => undefined} />);
  await user.type(screen.getByLabelText('Profile name'), 'Acme');
  await user.clear(screen.getByLabelText('API base URL'));
  await user.type(screen.getByLabelText('API base URL'), baseUrl);
  await user.type(screen.getByLabelText('Retailer shortname'), 'acme');
  await user.type(screen.getByLabelText('API username'), 'api-1');
  await user.click(screen.getByRole('button', { name: 'Save profile' }));
}

describe('ProfileForm and API hosts', () => {
  it('saves Monetate’s own API without asking for any permission', async () => {
    await fillAndSave('https://api.monetate.net');
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(sendRequest).toHaveBeenCalledWith('profiles.save', expect.objectContaining({ input: expect.objectContaining({ baseUrl: 'https://api.monetate.net' }) }));
  });

  it('names another host, asks the browser for exactly that host, and saves nothing when refused', async () => {
    request.mockResolvedValue(false);
    await fillAndSave('https://api.example.com');
    expect(screen.getByText(/api\.example\.com is not Monetate's API\. Saving asks you to allow/)).toBeInTheDocument();
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.example.com/*'] });
    expect(await screen.findByText(/Not saved: the browser was not allowed to let the extension reach api\.example\.com/)).toBeInTheDocument();
    expect(sendRequest).not.toHaveBeenCalled();
  });

  it('saves another host once the user allowed it', async () => {
    request.mockResolvedValue(true);
    await fillAndSave('https://api.example.com');
    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    expect(sendRequest).toHaveBeenCalledTimes(1);
  });

  it('refuses plain http and a path in the production build without asking anything', async () => {
    await fillAndSave('http://127.0.0.1:8790');
    expect(screen.getByText(/plain http:\/\/ is not accepted/)).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(sendRequest).not.toHaveBeenCalled();
  });
});

const stored: Profile = {
  id: 'p1',
  name: 'Emulator',
  baseUrl: 'http://127.0.0.1:8790',
  retailer: 'demo',
  username: 'api-demo',
  ttlSeconds: 3600,
  alg: 'RS256',
  readOnly: false,
  confirmWrites: false,
  defaultDataset: '',
} as Profile;

describe('the profile form', () => {
  beforeEach(() => sendRequest.mockReset());

  it('keeps "Profile saved." and the typing when a state event brings the same profile again', async () => {
    const user = userEvent.setup();
    sendRequest.mockImplementation(async (type: string, payload?: { input: Partial<Profile> }) => (type === 'profiles.save' ? { ...stored, ...payload?.input } : []));
    const { rerender } = render(<ProfileForm profile={stored} defaultBaseUrl="http://127.0.0.1:8790" localBuild onSaved={() => undefined} />);
    await user.clear(screen.getByLabelText('Retailer shortname'));
    await user.type(screen.getByLabelText('Retailer shortname'), 'acme');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Profile saved.')).toBeTruthy();
    // Every state event from the background is a new object for the same stored profile.
    rerender(<ProfileForm profile={{ ...stored, retailer: 'acme' }} defaultBaseUrl="http://127.0.0.1:8790" localBuild onSaved={() => undefined} />);
    expect(screen.getByText('Profile saved.')).toBeTruthy();

    await user.type(screen.getByLabelText('Profile name'), ' two');
    rerender(<ProfileForm profile={{ ...stored, retailer: 'acme' }} defaultBaseUrl="http://127.0.0.1:8790" localBuild onSaved={() => undefined} />);
    expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Emulator two');
  });

  it('starts over for another profile', () => {
    const { rerender } = render(<ProfileForm profile={stored} defaultBaseUrl="http://127.0.0.1:8790" localBuild onSaved={() => undefined} />);
    rerender(<ProfileForm profile={{ ...stored, id: 'p2', name: 'Production' }} defaultBaseUrl="http://127.0.0.1:8790" localBuild onSaved={() => undefined} />);
    expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Production');
  });
});
