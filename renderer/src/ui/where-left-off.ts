import type { LibrarySelection } from './selection.ts';
import { draftStatuses, libraryViews, listSorts } from '../../../electron/common/choices.ts';
import type { DraftStatus, ListSort } from '../../../electron/common/model.ts';

/**
 * What the window showed — the list's view and tag, how the list is sorted and filtered, and
 * the article or draft open — kept in the window's storage so that the app, or a reload of
 * browser mode, opens where the person left off. (The place within an article is the
 * library's reading progress.)
 */
export interface WhereLeftOff {
  selection: LibrarySelection;
  openId: number | null;
  sort: ListSort;
  /** The drafts list's status filter; '' shows every draft. */
  status: DraftStatus | '';
}

const KEY = 'dateline:where-left-off';
const VIEWS: readonly string[] = [...libraryViews, 'highlights'];
const START: WhereLeftOff = { selection: { view: 'all', tag: null }, openId: null, sort: 'saved', status: '' };

const oneOf = <T extends string>(values: readonly T[], value: unknown, otherwise: T): T =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : otherwise;

/** What was kept, or the start for a first run; storage written by anything else is ignored. */
export function whereLeftOff(): WhereLeftOff {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!kept || typeof kept !== 'object') return START;
    const { selection, openId, sort, status } = kept as Partial<Record<keyof WhereLeftOff, unknown>>;
    const { view, tag, feed } = (selection ?? {}) as Partial<Record<keyof LibrarySelection, unknown>>;
    return {
      selection: {
        view: oneOf(VIEWS, view, 'all') as LibrarySelection['view'],
        tag: typeof tag === 'string' && tag.length <= 200 ? tag : null,
        feed: Number.isSafeInteger(feed) && (feed as number) > 0 ? (feed as number) : null,
      },
      openId: Number.isSafeInteger(openId) && (openId as number) > 0 ? (openId as number) : null,
      sort: oneOf(listSorts, sort, START.sort),
      status: oneOf<DraftStatus | ''>(['', ...draftStatuses], status, ''),
    };
  } catch {
    return START;
  }
}

/** Keeps part of where the window is; the rest stays as last kept. */
export function keepWhereLeftOff(where: Partial<WhereLeftOff>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...whereLeftOff(), ...where }));
  } catch {
    // Storage full or turned off: the window simply starts at the beginning next time.
  }
}
