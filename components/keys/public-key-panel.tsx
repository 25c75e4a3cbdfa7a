import { useId } from 'react';
import { spkiPemToPkcs1Pem } from '@/utils/keys';
import type { KeyInfo } from '@/utils/messages/protocol';
import { CopyButton } from '@/components/ui/copy-button';

/** The public half of the profile's key, ready to paste into Monetate, and how to do it. */
export function PublicKeyPanel({ keyInfo, username }: { keyInfo: KeyInfo; username: string }) {
  const pemId = useId();
  return (
    <section className="mdi-stack" aria-labelledby={`${pemId}-heading`}>
      <h3 id={`${pemId}-heading`}>Public key</h3>
      {keyInfo.publicKeyPem === null ? (
        <p>Unlock the key to show and copy its public key.</p>
      ) : (
        <div className="mdi-field">
          <label htmlFor={pemId}>Public key (PEM)</label>
          <textarea id={pemId} readOnly rows={9} cols={66} value={keyInfo.publicKeyPem} />
        </div>
      )}
      <div className="mdi-row" style={{ alignItems: 'center' }}>
        {keyInfo.publicKeyPem !== null && <CopyButton label="Copy public key" getText={() => keyInfo.publicKeyPem ?? ''} />}
        <span className="mdi-hint">
          RSA {keyInfo.modulusBits} bits · fingerprint <span className="mdi-mono">{keyInfo.fingerprint}</span>
        </span>
      </div>
      {keyInfo.publicKeyPem !== null && (
        <div className="mdi-row" style={{ alignItems: 'center' }}>
          <CopyButton label="Copy PKCS#1 (BEGIN RSA PUBLIC KEY)" getText={() => spkiPemToPkcs1Pem(keyInfo.publicKeyPem ?? '')} />
          <span className="mdi-hint">
            The same key in the form <span className="mdi-mono">ssh-keygen -e -m pem</span> prints: paste it only where Monetate asks for{' '}
            <span className="mdi-mono">BEGIN RSA PUBLIC KEY</span>, as its step-by-step help page shows.
          </span>
        </div>
      )}
      <ol className="mdi-hint">
        <li>In Monetate, open Settings → Sites → API Keys.</li>
        <li>
          Choose CREATE PUBLIC KEY for the API user <span className="mdi-mono">{username}</span>.
        </li>
        <li>Paste the public key above and save. Then come back and choose Get token in the popup.</li>
      </ol>
    </section>
  );
}
