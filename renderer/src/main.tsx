import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { LibraryStatus } from '../../electron/ipc/contract.ts';
import { App } from './app/App.tsx';
import { PaneBoundary } from './app/PaneBoundary.tsx';
import { Recovery } from './app/Recovery.tsx';
import { Unlock } from './app/Unlock.tsx';
import { call, messageOf } from './client/api.ts';
import './styles.css';

/** The app; or, when the library failed its check on start, the way back to a backup; or the passphrase asked. */
function Root() {
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    call('library.status', {}).then(setStatus, (reason: unknown) => setError(messageOf(reason)));
    // A big library takes seconds to check on start; say so rather than show a blank window.
    const timer = setTimeout(() => setSlow(true), 400);
    return () => clearTimeout(timer);
  }, []);
  if (error) {
    return (
      <p role="alert" className="inline-error">
        Dateline could not reach its library: {error}
      </p>
    );
  }
  // The window waits only while a library is made, or checked, backed up and upgraded after an
  // update of Dateline: at 100,000 articles the upgrade alone took 15 s, under a bare "Checking".
  if (!status)
    return slow ? (
      <p className="pane-message">
        Checking the library… The first start after an update of Dateline also backs it up and upgrades it, which takes a while for a large
        library.
      </p>
    ) : null;
  if (status.locked) return <Unlock status={status} />;
  return status.healthy ? <App /> : <Recovery status={status} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PaneBoundary what="Dateline">
      <Root />
    </PaneBoundary>
  </StrictMode>,
);
