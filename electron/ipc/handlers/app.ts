import { DatelineError } from '../../common/errors.ts';
import type { Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/** The running app and its library as a whole. */
export function appHandlers({ app, library }: Services): HandlersOf<'app' | 'library'> {
  return {
    'app.info': () => app,
    // A library that failed its check is served by the recovery handlers instead (session.ts).
    'library.status': () => ({ healthy: true, locked: false, file: library.file, problems: [], suggested: null, canOpenAsIs: false }),
    'library.recover': () => {
      throw new DatelineError('CONFLICT', 'The library is open and sound; there is nothing to recover.');
    },
    // A locked library is served by the session's unlock handlers instead.
    'library.unlock': () => ({}),
  };
}
