import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import { checkApiBaseUrl } from '@/utils/profiles/api-base-url';
import { hostOf, requestHostPermission } from '@/utils/browser/host-permission';
import type { Profile } from '@/utils/profiles/profile';
import {
  SIGNING_ALGORITHMS,
  TOKEN_TTL_MAX,
  TOKEN_TTL_MIN,
  isProductionBaseUrl,
  newProfileDraft,
  validateProfileInput,
  type ProfileInput,
} from '@/utils/profiles/profile';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';

type Draft = { [K in keyof ProfileInput]-?: K extends 'ttlSeconds' ? string : NonNullable<ProfileInput[K]> };

function toDraft(profile: Profile | null, defaultBaseUrl: string): Draft {
  const source = profile ?? { ...newProfileDraft(defaultBaseUrl) };
  return {
    name: String(source.name ?? ''),
    baseUrl: String(source.baseUrl ?? ''),
    retailer: String(source.retailer ?? ''),
    username: String(source.username ?? ''),
    ttlSeconds: String(source.ttlSeconds ?? 3600),
    alg: (source.alg ?? 'RS256') as Draft['alg'],
    readOnly: Boolean(source.readOnly),
    confirmWrites: Boolean(source.confirmWrites),
    defaultDataset: String(source.defaultDataset ?? ''),
  };
}

/**
 * The profile whose "Profile saved." is showing. Kept outside the component: saving a new profile
 * swaps the "New profile" form for that profile's own form, which must keep saying it was saved
 * until the next edit (it showed for under 100 ms when this lived in component state only).
 */
let lastSavedProfileId: string | null = null;

/**
 * Creates or edits a profile. Nothing is saved until every field is valid; each field says
 * what is wrong with it. An API host other than Monetate's is saved only once the user allows
 * the extension that host in the browser's own prompt, which names it.
 */
export function ProfileForm({
  profile,
  defaultBaseUrl,
  localBuild,
  onSaved,
  onCancel,
}: {
  profile: Profile | null;
  defaultBaseUrl: string;
  /** The local build also accepts the emulator on loopback. */
  localBuild: boolean;
  onSaved(profile: Profile): void;
  onCancel?(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile, defaultBaseUrl));
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileInput | 'form', string>>>({});
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSavedState] = useState(() => profile !== null && lastSavedProfileId === profile.id);
  const setSaved = (value: boolean, id: string | null = profile?.id ?? null) => {
    lastSavedProfileId = value ? id : null;
    setSavedState(value);
  };
  const algId = useId();

  // Start over only for another profile: every state event brings a new object for the same
  // profile, and resetting on those would wipe what is being typed (and "Profile saved.").
  const profileId = profile?.id ?? null;
  const profileRef = useRef(profile);
  profileRef.current = profile;
  // A new profile just saved comes back as "this profile": keep its "Profile saved." showing.
  const justSavedId = useRef<string | null>(null);
  useEffect(() => {
    setDraft(toDraft(profileRef.current, defaultBaseUrl));
    setErrors({});
    if (profileId === null || (profileId !== justSavedId.current && profileId !== lastSavedProfileId)) setSavedState(false);
  }, [profileId, defaultBaseUrl]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setSaved(false);
    setDraft((current) => {
      const next = { ...current, [key]: value };
      // A new profile pointed at Monetate itself asks before every write, unless the user says otherwise.
      if (key === 'baseUrl' && !profile) next.confirmWrites = isProductionBaseUrl(String(value));
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validateProfileInput({ ...draft, defaultDataset: draft.defaultDataset || undefined }, { localBuild });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setSaveError(null);
    setBusy(true);
    try {
      // Asked before anything else is awaited: the browser shows its prompt only inside the click.
      if (checked.needsPermission && !(await requestHostPermission(checked.value.baseUrl))) {
        setErrors({ baseUrl: `Not saved: the browser was not allowed to let the extension reach ${hostOf(checked.value.baseUrl)}. Save again and choose Allow, or use https://api.monetate.net.` });
        return;
      }
      const stored = await sendRequest('profiles.save', { id: profile?.id, input: checked.value });
      setDraft(toDraft(stored, defaultBaseUrl));
      justSavedId.current = stored.id;
      setSaved(true, stored.id);
      onSaved(stored);
    } catch (caught) {
      const info = toErrorInfo(caught);
      setSaveError(info);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mdi-stack" onSubmit={(event) => void submit(event)} aria-label={profile ? `Edit profile ${profile.name}` : 'New profile'} noValidate>
      <TextField label="Profile name" value={draft.name} onChange={(v) => set('name', v)} error={errors.name} hint="For example: Acme production" />
      <TextField label="API base URL" value={draft.baseUrl} onChange={(v) => set('baseUrl', v)} error={errors.baseUrl} hint={baseUrlHint(draft.baseUrl, localBuild)} />
      <TextField label="Retailer shortname" value={draft.retailer} onChange={(v) => set('retailer', v)} error={errors.retailer} />
      <TextField label="API username" value={draft.username} onChange={(v) => set('username', v)} error={errors.username} autoComplete="off" />
      <TextField
        label="Token lifetime (seconds)"
        value={draft.ttlSeconds}
        onChange={(v) => set('ttlSeconds', v)}
        error={errors.ttlSeconds}
        inputMode="numeric"
        hint={`${TOKEN_TTL_MIN} to ${TOKEN_TTL_MAX}; Monetate's default is 3600`}
      />
      <div className="mdi-field">
        <label htmlFor={algId}>Signing algorithm</label>
        <select id={algId} value={draft.alg} onChange={(event) => set('alg', event.target.value as Draft['alg'])}>
          {SIGNING_ALGORITHMS.map((alg) => (
            <option key={alg}>{alg}</option>
          ))}
        </select>
      </div>
      <TextField label="Default dataset" value={draft.defaultDataset} onChange={(v) => set('defaultDataset', v)} error={errors.defaultDataset} hint="Used by right-click look-ups; optional" />
      <label>
        <input type="checkbox" checked={draft.readOnly} onChange={(event) => set('readOnly', event.target.checked)} /> Read-only (never write
        records or schemas)
      </label>
      <label>
        <input type="checkbox" checked={draft.confirmWrites} onChange={(event) => set('confirmWrites', event.target.checked)} /> Confirm every write
      </label>
      {errors.form && <p className="mdi-error">{errors.form}</p>}
      <ErrorMessage error={saveError} />
      <div className="mdi-row">
        <button type="submit" className="mdi-primary" disabled={busy}>
          Save profile
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <span role="status" className="mdi-ok">
          {saved ? 'Profile saved.' : ''}
        </span>
      </div>
    </form>
  );
}

/** What the base URL field says under it: for a host other than Monetate's, that saving asks to allow it. */
function baseUrlHint(value: string, localBuild: boolean): string {
  const checked = checkApiBaseUrl(value, { localBuild });
  if (checked.ok && checked.needsPermission) {
    return `${hostOf(checked.origin)} is not Monetate's API. Saving asks you to allow the extension to send your Monetate API credentials (signed JWTs and tokens) to ${hostOf(checked.origin)}.`;
  }
  return 'https://api.monetate.net for Monetate itself';
}
