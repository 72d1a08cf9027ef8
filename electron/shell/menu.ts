import type { MenuItemConstructorOptions } from 'electron';
import { THEMES, type Settings } from '../common/settings.ts';

/**
 * The application menu as data. Items that need the app name its action; `main.ts` binds
 * actions to what they do. Being plain data, the table is tested without Electron.
 */
export const menuActions = [
  'new-draft',
  'import',
  'export',
  'backup',
  'backup-now',
  'restore-backup',
  'open-library-folder',
  'focus-search',
  'toggle-focus-mode',
  'open-settings',
  'check-updates',
  'open-logs',
  'theme:system',
  'theme:light',
  'theme:sepia',
  'theme:dark',
] as const;

export type MenuAction = (typeof menuActions)[number];

export interface MenuState {
  platform: NodeJS.Platform;
  theme: Settings['theme'];
  updatesAvailable: boolean;
  isPackaged: boolean;
}

export type MenuItem = Omit<MenuItemConstructorOptions, 'submenu' | 'click'> & {
  action?: MenuAction;
  submenu?: MenuItem[];
};

const separator: MenuItem = { type: 'separator' };

export function menuTemplate(state: MenuState): MenuItem[] {
  const mac = state.platform === 'darwin';
  const settingsItem: MenuItem = { label: mac ? 'Settings…' : 'Preferences…', accelerator: 'CmdOrCtrl+,', action: 'open-settings' };
  const updatesItem: MenuItem = { label: 'Check for Updates…', action: 'check-updates', enabled: state.updatesAvailable };

  return [
    ...(mac
      ? [
          {
            label: 'Dateline',
            submenu: [
              { role: 'about' },
              updatesItem,
              separator,
              settingsItem,
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ],
          } satisfies MenuItem,
        ]
      : []),
    {
      label: mac ? 'File' : '&File',
      submenu: [
        { label: 'New Draft', accelerator: 'CmdOrCtrl+N', action: 'new-draft' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', action: 'import' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Shift+E', action: 'export' },
        separator,
        { label: 'Back Up Now', action: 'backup-now' },
        { label: 'Back Up To…', action: 'backup' },
        { label: 'Restore from Backup…', action: 'restore-backup' },
        { label: 'Open Library Folder', action: 'open-library-folder' },
        separator,
        ...(mac ? [{ role: 'close' } satisfies MenuItem] : [settingsItem, separator, { role: 'quit' } satisfies MenuItem]),
      ],
    },
    {
      label: mac ? 'Edit' : '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'selectAll' },
        separator,
        { label: 'Search Library', accelerator: 'CmdOrCtrl+Alt+F', action: 'focus-search' },
      ],
    },
    {
      label: mac ? 'View' : '&View',
      submenu: [
        {
          label: 'Theme',
          submenu: THEMES.map(({ id, name }) => ({
            label: name,
            type: 'radio',
            checked: state.theme === id,
            action: `theme:${id}` as MenuAction,
          })),
        },
        { label: 'Focus Mode', accelerator: 'CmdOrCtrl+Shift+D', action: 'toggle-focus-mode' },
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...(state.isPackaged ? [] : [separator, { role: 'toggleDevTools' } satisfies MenuItem]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        ...(mac ? [] : [updatesItem, separator]),
        { label: 'Show Log Folder', action: 'open-logs' },
        ...(mac ? [] : [{ role: 'about' } satisfies MenuItem]),
      ],
    },
  ];
}

/** Turns the table into Electron's template, binding each action to `run`. */
export function bindMenu(items: MenuItem[], run: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: bindMenu(submenu, run) } : {}),
    ...(action ? { click: () => run(action) } : {}),
  }));
}
