import type { LibrarySelection } from '../library/selection.ts';
import { libraryViews } from '../../../electron/common/model.ts';

/**
 * What the window showed — the list's view and tag, and the article or draft open — kept in
 * the window's storage so that the app, or a reload of browser mode, opens where the person
 * left off. (The place within an article is the library's reading progress.)
 */
export interface WhereLeftOff {
  selection: LibrarySelection;
  openId: number | null;
}

const KEY = 'dateline:where-left-off';
const VIEWS: readonly string[] = [...libraryViews, 'highlights'];
const START: WhereLeftOff = { selection: { view: 'all', tag: null }, openId: null };

/** What was kept, or the start for a first run; storage written by anything else is ignored. */
export function whereLeftOff(): WhereLeftOff {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!kept || typeof kept !== 'object') return START;
    const { selection, openId } = kept as Partial<Record<keyof WhereLeftOff, unknown>>;
    const { view, tag } = (selection ?? {}) as Partial<Record<keyof LibrarySelection, unknown>>;
    return {
      selection: {
        view: typeof view === 'string' && VIEWS.includes(view) ? (view as LibrarySelection['view']) : 'all',
        tag: typeof tag === 'string' && tag.length <= 200 ? tag : null,
      },
      openId: Number.isSafeInteger(openId) && (openId as number) > 0 ? (openId as number) : null,
    };
  } catch {
    return START;
  }
}

export function keepWhereLeftOff(where: WhereLeftOff): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(where));
  } catch {
    // Storage full or turned off: the window simply starts at the beginning next time.
  }
}
