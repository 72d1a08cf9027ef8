import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, placeWindow, readWindowState, writeWindowState } from '../../../electron/shell/window-state.ts';
import { tempDir } from '../../helpers/temp.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('is remembered across launches', () => {
    const file = join(tempDir(), 'window-state.json');
    writeWindowState(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('reads a missing or damaged file as no state', () => {
    const dir = tempDir();
    expect(readWindowState(join(dir, 'none.json'))).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{"x":');
    expect(readWindowState(join(dir, 'bad.json'))).toBeNull();
    writeFileSync(join(dir, 'odd.json'), '{"x":"left","y":0,"width":5,"height":5,"maximized":false}');
    expect(readWindowState(join(dir, 'odd.json'))).toBeNull();
  });

  it('reopens where it was when that place is still on a screen', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1200, height: 800, maximized: false }, [laptop, monitor])).toEqual({
      x: 1600,
      y: 100,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('falls back to the default size when its screen was unplugged, keeping maximized', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1200, height: 800, maximized: true }, [laptop])).toEqual({
      ...DEFAULT_SIZE,
      maximized: true,
    });
  });

  it('shrinks a window larger than its screen', () => {
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop])).toMatchObject({ width: 1440, height: 900 });
  });

  it('opens at the default size the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });
});
