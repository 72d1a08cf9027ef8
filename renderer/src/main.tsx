import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { LibraryStatus } from '../../electron/ipc/contract.ts';
import { App } from './app/App.tsx';
import { Recovery } from './app/Recovery.tsx';
import { call, messageOf } from './client/api.ts';
import './styles.css';

/** The app, or, when the library failed its check on start, the way back to a backup. */
function Root() {
  const [status, setStatus] = useState<LibraryStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('library.status', {}).then(setStatus, (reason: unknown) => setError(messageOf(reason)));
  }, []);
  if (error) {
    return (
      <p role="alert" className="inline-error">
        Dateline could not reach its library: {error}
      </p>
    );
  }
  if (!status) return null;
  return status.healthy ? <App /> : <Recovery status={status} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
