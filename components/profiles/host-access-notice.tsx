import { useEffect, useState } from 'react';
import { hasHostPermission, hostOf, onPermissionsChanged, requestHostPermission } from '@/utils/browser/host-permission';

/**
 * Shown when the browser does not let the extension reach the profile's API host (Firefox lets
 * people withhold it under Manifest V3, even for api.monetate.net), with the one button that
 * asks for it. Renders nothing while access is granted or still being checked.
 */
export function HostAccessNotice({ baseUrl }: { baseUrl: string }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    let live = true;
    const check = () => void hasHostPermission(baseUrl).then((now) => live && setGranted(now));
    check();
    const stop = onPermissionsChanged(check);
    return () => {
      live = false;
      stop();
    };
  }, [baseUrl]);

  if (granted !== false) return null;
  const host = hostOf(baseUrl);

  const grant = () => {
    // Straight from the click, before any await: browsers show the prompt only in a user gesture.
    setRefused(false);
    void requestHostPermission(baseUrl).then((ok) => {
      setGranted(ok);
      setRefused(!ok);
    });
  };

  return (
    <section className="mdi-card mdi-stack" aria-label="Access to the API host">
      <p className="mdi-warn" role="alert" id="mdi-host-access-text">
        The browser has not given this extension access to {host}, so it can neither get tokens nor look up records there.
      </p>
      <div className="mdi-row">
        <button type="button" className="mdi-primary" aria-describedby="mdi-host-access-text" onClick={grant}>
          Grant access
        </button>
      </div>
      {refused && (
        <p role="status">
          Access to {host} was not granted. Choose Grant access again and allow it, or allow the site in the browser’s settings for this extension.
        </p>
      )}
    </section>
  );
}
