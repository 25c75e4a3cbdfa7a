import { useEffect, useId, useState, type FormEvent } from 'react';
import { describeError, toErrorInfo, type ErrorInfo } from '@/utils/errors';
import type { KeyInfo, ProfileSummary } from '@/utils/messages/protocol';
import { sendRequest } from '@/utils/messages/send';
import { ErrorMessage } from '@/components/ui/error-message';
import { TextField } from '@/components/ui/text-field';
import { PublicKeyPanel } from '@/components/keys/public-key-panel';
import { describeEstimate, usePassphraseEstimate, weakPassphraseError } from '@/components/vault/use-passphrase-estimate';


/**
 * Gives a profile its key: generate a pair in the browser, or import a private key by file or
 * paste. Either way the private key is stored only encrypted under the passphrase.
 */
export function KeyManager({ profile }: { profile: ProfileSummary }) {
  const [keyInfo, setKeyInfo] = useState<KeyInfo | null>(null);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [replacing, setReplacing] = useState(false);

  useEffect(() => {
    let live = true;
    setKeyInfo(null);
    setReplacing(false);
    sendRequest('key.info', { profileId: profile.id })
      .then((info) => live && setKeyInfo(info))
      .catch((caught) => live && setLoadError(toErrorInfo(caught)));
    return () => {
      live = false;
    };
  }, [profile.id, profile.hasKey, profile.unlocked]);

  return (
    <section className="mdi-stack" aria-labelledby="key-heading">
      <h2 id="key-heading">Key for {profile.name}</h2>
      <ErrorMessage error={loadError} />
      {keyInfo && <PublicKeyPanel keyInfo={keyInfo} username={profile.username} />}
      {keyInfo && !replacing ? (
        <button type="button" onClick={() => setReplacing(true)}>
          Replace key…
        </button>
      ) : (
        <NewKeyForms
          profileId={profile.id}
          context={[profile.name, profile.username, profile.retailer]}
          replacing={Boolean(keyInfo)}
          onDone={(info) => {
            setKeyInfo(info);
            setReplacing(false);
          }}
        />
      )}
    </section>
  );
}

function NewKeyForms({
  profileId,
  context,
  replacing,
  onDone,
}: {
  profileId: string;
  /** The profile's own words, which make a passphrase easy to guess. */
  context: string[];
  replacing: boolean;
  onDone(info: KeyInfo): void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [bits, setBits] = useState<2048 | 3072 | 4096>(2048);
  const [pem, setPem] = useState('');
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState<'generate' | 'import' | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [passError, setPassError] = useState<string | undefined>();
  const bitsId = useId();
  const fileId = useId();
  const pemId = useId();

  const estimate = usePassphraseEstimate(passphrase, context);

  const checkPassphrase = async (): Promise<boolean> => {
    const weak = await weakPassphraseError(passphrase, context);
    if (weak) {
      setPassError(describeError(weak));
      return false;
    }
    if (passphrase !== confirm) {
      setPassError('The two passphrases differ. Type the same passphrase twice.');
      return false;
    }
    setPassError(undefined);
    return true;
  };

  const run = async (kind: 'generate' | 'import', action: () => Promise<KeyInfo>) => {
    setError(null);
    if (!(await checkPassphrase())) return;
    setBusy(kind);
    try {
      const info = await action();
      setPassphrase('');
      setConfirm('');
      setPem('');
      setFileName('');
      onDone(info);
    } catch (caught) {
      setError(toErrorInfo(caught));
    } finally {
      setBusy(null);
    }
  };

  const generate = (event: FormEvent) => {
    event.preventDefault();
    void run('generate', () => sendRequest('key.generate', { profileId, bits, passphrase }));
  };
  const importKey = (event: FormEvent) => {
    event.preventDefault();
    if (!pem.trim()) {
      setError({ code: 'key_not_given' });
      return;
    }
    void run('import', () => sendRequest('key.import', { profileId, pem, passphrase }));
  };

  return (
    <div className="mdi-stack">
      {replacing && (
        <p className="mdi-warn">A new key replaces the current one. Register the new public key in Monetate before you need a token.</p>
      )}
      <fieldset className="mdi-stack">
        <legend>Passphrase that protects the key</legend>
        <TextField label="New passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={setPassphrase} error={passError} hint={describeEstimate(estimate, 'Several unrelated words work well. It is never stored; without it the key cannot be used.')} />
        <TextField label="Confirm passphrase" type="password" autoComplete="new-password" value={confirm} onChange={setConfirm} />
      </fieldset>
      <form className="mdi-row" onSubmit={generate} aria-label="Generate key pair">
        <div className="mdi-field">
          <label htmlFor={bitsId}>Key size</label>
          <select id={bitsId} value={bits} onChange={(event) => setBits(Number(event.target.value) as 2048 | 3072 | 4096)}>
            <option value={2048}>2048 bits</option>
            <option value={3072}>3072 bits</option>
            <option value={4096}>4096 bits</option>
          </select>
        </div>
        <button type="submit" className="mdi-primary" disabled={busy !== null}>
          {busy === 'generate' ? 'Generating…' : 'Generate key pair'}
        </button>
      </form>
      <form className="mdi-stack" onSubmit={importKey} aria-label="Import private key">
        <div className="mdi-field">
          <label htmlFor={fileId}>Private key file</label>
          <input
            id={fileId}
            type="file"
            accept=".pem,.key,.txt,application/x-pem-file,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              if (file.size > 64_000) {
                setError({ code: 'key_unrecognized' });
                return;
              }
              setFileName(file.name);
              void file.text().then(setPem);
            }}
          />
          {fileName && <span className="mdi-hint">Read {fileName}.</span>}
        </div>
        <div className="mdi-field">
          <label htmlFor={pemId}>Private key (PEM)</label>
          <textarea id={pemId} rows={6} value={pem} onChange={(event) => setPem(event.target.value)} spellCheck={false} placeholder="-----BEGIN PRIVATE KEY-----" />
          <span className="mdi-hint">PKCS#8, PKCS#1 (openssl genrsa) and unencrypted OpenSSH (ssh-keygen -t rsa) keys are accepted.</span>
        </div>
        <div>
          <button type="submit" disabled={busy !== null}>
            {busy === 'import' ? 'Importing…' : 'Import private key'}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </div>
  );
}
