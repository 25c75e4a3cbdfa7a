// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ProfileForm } from '../../../components/profiles/ProfileForm';
import type { Profile } from '../../../utils/profiles/profile';

const sendRequest = vi.fn();
vi.mock('@/utils/messages/send', () => ({ sendRequest: (...args: unknown[]) => sendRequest(...args) }));

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
    const { rerender } = render(<ProfileForm profile={stored} defaultBaseUrl="http://127.0.0.1:8790" onSaved={() => undefined} />);
    await user.clear(screen.getByLabelText('Retailer shortname'));
    await user.type(screen.getByLabelText('Retailer shortname'), 'acme');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Profile saved.')).toBeTruthy();
    // Every state event from the background is a new object for the same stored profile.
    rerender(<ProfileForm profile={{ ...stored, retailer: 'acme' }} defaultBaseUrl="http://127.0.0.1:8790" onSaved={() => undefined} />);
    expect(screen.getByText('Profile saved.')).toBeTruthy();

    await user.type(screen.getByLabelText('Profile name'), ' two');
    rerender(<ProfileForm profile={{ ...stored, retailer: 'acme' }} defaultBaseUrl="http://127.0.0.1:8790" onSaved={() => undefined} />);
    expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Emulator two');
  });

  it('starts over for another profile', () => {
    const { rerender } = render(<ProfileForm profile={stored} defaultBaseUrl="http://127.0.0.1:8790" onSaved={() => undefined} />);
    rerender(<ProfileForm profile={{ ...stored, id: 'p2', name: 'Production' }} defaultBaseUrl="http://127.0.0.1:8790" onSaved={() => undefined} />);
    expect((screen.getByLabelText('Profile name') as HTMLInputElement).value).toBe('Production');
  });
});
