import { useCallback, useEffect, useState, type CSSProperties } from 'react';

/**
 * The widths of the sidebar and the article list, and whether either is folded away, as the
 * person left them: kept in the window's storage (a layout belongs to this machine's screen,
 * not to the library), read once when the window opens.
 */
export interface PaneLayout {
  sidebar: number;
  list: number;
  sidebarCollapsed: boolean;
  listCollapsed: boolean;
}

export type Pane = 'sidebar' | 'list';

/** Each pane's range; the stylesheet also keeps the article at least 400 px wide. */
export const PANE_BOUNDS: Record<Pane, { min: number; max: number }> = {
  sidebar: { min: 160, max: 400 },
  list: { min: 240, max: 720 },
};

const KEY = 'dateline:panes';
const START: PaneLayout = { sidebar: 210, list: 420, sidebarCollapsed: false, listCollapsed: false };

const clamp = (pane: Pane, width: number) => Math.round(Math.min(PANE_BOUNDS[pane].max, Math.max(PANE_BOUNDS[pane].min, width)));

function keptLayout(): PaneLayout {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Record<keyof PaneLayout, unknown>> | null;
    if (!kept || typeof kept !== 'object') return START;
    const width = (pane: Pane) => (typeof kept[pane] === 'number' && Number.isFinite(kept[pane]) ? clamp(pane, kept[pane]) : START[pane]);
    return {
      sidebar: width('sidebar'),
      list: width('list'),
      sidebarCollapsed: kept.sidebarCollapsed === true,
      listCollapsed: kept.listCollapsed === true,
    };
  } catch {
    return START;
  }
}

export function usePaneLayout() {
  const [layout, setLayout] = useState(keptLayout);
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify(layout));
    } catch {
      // Storage full or turned off: the panes start at their usual sizes next time.
    }
  }, [layout]);
  const resize = useCallback((pane: Pane, width: number) => {
    setLayout((current) => ({ ...current, [pane]: clamp(pane, width), [`${pane}Collapsed`]: false }));
  }, []);
  const setCollapsed = useCallback((pane: Pane, collapsed: boolean) => {
    setLayout((current) => ({ ...current, [`${pane}Collapsed`]: collapsed }));
  }, []);
  return { layout, resize, setCollapsed };
}

/** The widths as the stylesheet reads them: a folded pane is 0 px wide. */
export function paneWidths(layout: PaneLayout): CSSProperties {
  return {
    '--sidebar-width': `${layout.sidebarCollapsed ? 0 : layout.sidebar}px`,
    '--list-width': `${layout.listCollapsed ? 0 : layout.list}px`,
  } as CSSProperties;
}
