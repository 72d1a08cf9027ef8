import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Electron's fuse wire as it stands in a fresh binary: sentinel, version 1, eight fuses. */
const FUSE_WIRE = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);

/**
 * electron-builder needs an Electron folder, not a working Electron: a stand-in executable
 * that carries a real fuse wire lets the fuses be flipped and read back.
 */
function standInElectron(dir: string): string {
  const dist = join(dir, 'electron-dist');
  mkdirSync(dist);
  const binary = join(dist, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron"\n#'), FUSE_WIRE, Buffer.from('\n')]));
  chmodSync(binary, 0o755);
  writeFileSync(join(dist, 'version'), '45.4.1');
  return dist;
}

function sizeOf(path: string): number {
  const info = statSync(path);
  return info.isDirectory() ? Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]) : info.size;
}

describe('the packaged Linux app (electron-builder --dir)', () => {
  // Built once for every check below, so the folder outlives single tests.
  const dir = mkdtempSync(join(tmpdir(), 'dateline-package-'));
  let appDir: string;
  let files: string[];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    const output = join(dir, 'dist');
    execFileSync(
      'npx',
      ['electron-builder', '--dir', '--linux', '--x64', `-c.electronDist=${standInElectron(dir)}`, `-c.directories.output=${output}`],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DATELINE_UPDATE_URL: 'https://updates.newsroom.example/dateline' },
      },
    );
    appDir = join(output, 'linux-unpacked');
    files = listPackage(join(appDir, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  }, 180_000);

  it('holds the built app', () => {
    for (const file of ['/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(files).toContain(file);
    }
  });

  it('holds production dependencies only: no sources, tests, source maps or development tools', () => {
    expect(files.filter((file) => /^\/(electron|renderer|tests|resources|\.ci)\//.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const packages = new Set(files.flatMap((file) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []));
    for (const runtime of ['better-sqlite3-multiple-ciphers', 'zod', 'electron-updater', 'turndown']) expect(packages).toContain(runtime);
    for (const tool of [
      'electron',
      'electron-builder',
      'electron-vite',
      'vite',
      'vitest',
      'typescript',
      '@playwright/test',
      'react',
      'lexical',
      'node-addon-api',
    ]) {
      expect(packages).not.toContain(tool);
    }
  });

  it("unpacks better-sqlite3's native binary for this platform only", () => {
    const unpacked = join(appDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/prebuilds');
    expect(existsSync(join(unpacked, 'linux-x64.node'))).toBe(true);
    expect(existsSync(join(unpacked, 'win32-x64.node'))).toBe(false);
    expect(existsSync(join(appDir, 'resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/deps'))).toBe(false);
  });

  it('flips the fuses in the packaged executable', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'dateline'));
    const [off, on] = [48, 49];
    expect([wire[0], wire[2], wire[3], wire[4], wire[5], wire[7]]).toEqual([off, off, off, on, on, off]);
  });

  it('carries the update feed and reports its size', () => {
    expect(readFileSync(join(appDir, 'resources/app-update.yml'), 'utf8')).toContain('url: https://updates.newsroom.example/dateline');
    const size = sizeOf(appDir);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `Installer payload without Electron: ${mb(size)} (app.asar ${mb(sizeOf(join(appDir, 'resources/app.asar')))}, unpacked native code ${mb(sizeOf(join(appDir, 'resources/app.asar.unpacked')))})`,
    );
    expect(size).toBeLessThan(40 * 1024 * 1024);
  });
});
