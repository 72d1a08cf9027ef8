/** The words the window shows for the library's closed sets of values. */
import { highlightColors } from '../../../electron/common/choices.ts';
import type { DraftStatus, HighlightColor } from '../../../electron/common/model.ts';

export { highlightColors };

export const COLOR_LABELS: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

export const STATUS_LABELS: Record<DraftStatus, string> = { draft: 'Draft', editing: 'Editing', ready: 'Ready', published: 'Published' };
