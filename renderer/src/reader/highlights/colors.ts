import { highlightColors, type HighlightColor } from '../../../../electron/common/model.ts';

export { highlightColors };

export const COLOR_LABELS: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };
