import type { LibraryView } from '../../../electron/common/model.ts';

/** What the sidebar has chosen for the list: a view of the articles, or every highlight. */
export interface LibrarySelection {
  view: LibraryView | 'highlights';
  tag: string | null;
  /** A feed followed: the articles it brought. */
  feed?: number | null;
}
