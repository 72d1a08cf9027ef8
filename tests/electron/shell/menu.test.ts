import { describe, expect, it } from 'vitest';
import { bindMenu, menuActions, menuTemplate, type MenuAction, type MenuItem } from '../../../electron/shell/menu.ts';

const base = { theme: 'system' as const, updatesAvailable: true, isPackaged: true };

function flatten(items: MenuItem[]): MenuItem[] {
  return items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
}

function find(items: MenuItem[], label: string): MenuItem | undefined {
  return flatten(items).find((item) => item.label === label);
}

describe('the application menu', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('offers every action on %s, each once', (platform) => {
    const actions = flatten(menuTemplate({ ...base, platform })).flatMap((item) => (item.action ? [item.action] : []));
    expect([...actions].sort()).toEqual([...menuActions].sort());
  });

  it('has the usual File items with their accelerators', () => {
    const file = menuTemplate({ ...base, platform: 'linux' }).find((menu) => menu.label === '&File')!;
    expect(file.submenu!.filter((item) => item.label).map((item) => [item.label, item.accelerator ?? null])).toEqual([
      ['New Draft', 'CmdOrCtrl+N'],
      ['Import…', 'CmdOrCtrl+O'],
      ['Export…', 'CmdOrCtrl+Shift+E'],
      ['Back Up Now', null],
      ['Back Up To…', null],
      ['Restore from Backup…', null],
      ['Open Library Folder', null],
      ['Preferences…', 'CmdOrCtrl+,'],
    ]);
    expect(file.submenu!.at(-1)).toEqual({ role: 'quit' });
  });

  it('follows each platform: the app menu and Settings… on macOS, Preferences and Quit in File elsewhere', () => {
    const mac = menuTemplate({ ...base, platform: 'darwin' });
    expect(mac[0]!.label).toBe('Dateline');
    expect(find(mac, 'Settings…')).toMatchObject({ accelerator: 'CmdOrCtrl+,' });
    expect(mac.map((menu) => menu.label ?? menu.role)).toEqual(['Dateline', 'File', 'Edit', 'View', 'windowMenu', 'help']);
    const windows = menuTemplate({ ...base, platform: 'win32' });
    expect(windows.map((menu) => menu.label ?? menu.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    expect(find(windows, 'Settings…')).toBeUndefined();
  });

  it('checks the current theme and hides developer tools in a packaged app', () => {
    const template = menuTemplate({ ...base, platform: 'linux', theme: 'sepia', isPackaged: true });
    const themes = find(template, 'Theme')!.submenu!;
    expect(themes.filter((item) => item.checked).map((item) => item.label)).toEqual(['Sepia']);
    expect(flatten(template).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(flatten(menuTemplate({ ...base, platform: 'linux', isPackaged: false })).some((item) => item.role === 'toggleDevTools')).toBe(
      true,
    );
  });

  it('greys out "Check for Updates" where updates are off', () => {
    expect(find(menuTemplate({ ...base, platform: 'linux', updatesAvailable: false }), 'Check for Updates…')!.enabled).toBe(false);
  });

  it('binds each action to a click that runs it', () => {
    const ran: MenuAction[] = [];
    const bound = bindMenu(menuTemplate({ ...base, platform: 'linux' }), (action) => ran.push(action));
    const file = bound[0]!.submenu as { label?: string; click?: () => void }[];
    file.find((item) => item.label === 'Import…')!.click!();
    expect(ran).toEqual(['import']);
    expect(JSON.stringify(bound)).not.toContain('"action"');
  });
});
