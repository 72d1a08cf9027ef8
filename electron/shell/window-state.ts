import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE } from '../common/node/private-files.ts';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100),
  height: z.number().int().min(100),
  maximized: z.boolean(),
});

export type WindowState = z.output<typeof windowStateSchema>;

export const DEFAULT_SIZE = { width: 1280, height: 820 };
/** How much of a window must stay on some screen for its saved place to be used. */
const MIN_VISIBLE = 120;

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  // Written aside and renamed, so a crash mid-write never leaves a half file.
  writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: PRIVATE_FILE });
  renameSync(`${file}.tmp`, file);
}

/**
 * Where to open the window: the saved place if enough of it is still on one of today's
 * screens (a monitor may have been unplugged), else the default size with the position
 * left to the system. Too large a saved size is shrunk to the screen it is on.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rectangle[]): Partial<Rectangle> & { maximized: boolean } {
  if (!saved) return { ...DEFAULT_SIZE, maximized: false };
  const screen = workAreas.find((area) => overlap(saved, area) >= MIN_VISIBLE);
  if (!screen) return { ...DEFAULT_SIZE, maximized: saved.maximized };
  return {
    x: saved.x,
    y: saved.y,
    width: Math.min(saved.width, screen.width),
    height: Math.min(saved.height, screen.height),
    maximized: saved.maximized,
  };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? Math.min(width, height) : 0;
}
