import { useEffect, useState, type FormEvent } from 'react';
import { toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { Settings } from '@/utils/storage/items';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';

/** Auto-lock, look-up cache and overlay settings. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const [autoLock, setAutoLock] = useState(String(settings.autoLockMinutes));
  const [cacheTtl, setCacheTtl] = useState(String(settings.cacheTtlSeconds));
  const [errors, setErrors] = useState<{ autoLock?: string; cacheTtl?: string }>({});
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    setAutoLock(String(settings.autoLockMinutes));
    setCacheTtl(String(settings.cacheTtlSeconds));
  }, [settings.autoLockMinutes, settings.cacheTtlSeconds]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(autoLock);
    const seconds = Number(cacheTtl);
    const next: typeof errors = {};
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) next.autoLock = 'Enter whole minutes from 1 to 1440.';
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600) next.cacheTtl = 'Enter whole seconds from 0 (no cache) to 3600.';
    setErrors(next);
    if (next.autoLock || next.cacheTtl) return;
    await run(() => sendRequest('settings.save', { autoLockMinutes: minutes, cacheTtlSeconds: seconds }), 'Settings saved.');
  };

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    setStatus('');
    try {
      await action();
      setStatus(done);
    } catch (caught) {
      setError(toErrorInfo(caught));
    }
  };

  return (
    <section className="mdi-stack" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <form className="mdi-stack" onSubmit={(event) => void save(event)} aria-label="Settings" noValidate>
        <TextField label="Auto-lock after (minutes)" inputMode="numeric" value={autoLock} onChange={setAutoLock} error={errors.autoLock} hint="Unlocked keys are forgotten after this long without use, and always when the browser quits." />
        <TextField label="Reuse look-up answers for (seconds)" inputMode="numeric" value={cacheTtl} onChange={setCacheTtl} error={errors.cacheTtl} hint="Repeated look-ups within this time are answered without asking Monetate; Refresh always asks." />
        <div>
          <button type="submit" className="mdi-primary">
            Save settings
          </button>
        </div>
      </form>
      <h3>Overlay on Monetate pages</h3>
      <div className="mdi-row">
        <button type="button" onClick={() => void run(() => sendRequest('settings.save', { resetLauncherPosition: true }), 'Launcher position reset.')}>
          Reset launcher position
        </button>
      </div>
      {settings.overlayHiddenOrigins.length > 0 && (
        <ul aria-label="Sites where the launcher is hidden">
          {settings.overlayHiddenOrigins.map((origin) => (
            <li key={origin}>
              {origin}{' '}
              <button
                type="button"
                onClick={() =>
                  void run(
                    () => sendRequest('settings.save', { overlayHiddenOrigins: settings.overlayHiddenOrigins.filter((o) => o !== origin) }),
                    `The launcher shows again on ${origin}.`,
                  )
                }
              >
                Show launcher on {origin}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="mdi-ok">
        {status}
      </p>
      <ErrorMessage error={error} />
    </section>
  );
}
