import { browser } from 'wxt/browser';
import { README_PAGE } from '@/utils/build-info';

/**
 * Which package this is: its version and flavour, so a screenshot or a bug report says whether
 * it came from the store build (Monetate only) or the local one (also the emulator).
 */
export function AboutSection({ localBuild }: { localBuild: boolean }) {
  const version = browser.runtime.getManifest().version;
  return (
    <section className="mdi-card mdi-stack" aria-labelledby="about-heading">
      <h2 id="about-heading">About</h2>
      <p>
        Monetate Data Inspector <span aria-label="Version">{version}</span>,{' '}
        <strong>{localBuild ? 'local build' : 'production build'}</strong>:{' '}
        {localBuild
          ? 'it also reaches the Monetate emulator on 127.0.0.1 and localhost. Never use it with real credentials you do not mean to test with.'
          : 'it reaches https://api.monetate.net, and any other API host only once you allow it.'}
      </p>
      <p>
        How to set it up, what it sends where, and how each permission is used:{' '}
        <a href={`/${README_PAGE}`} target="_blank" rel="noreferrer">
          the README
        </a>
        .
      </p>
    </section>
  );
}
