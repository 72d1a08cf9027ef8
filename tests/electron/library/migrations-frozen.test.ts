import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A migration, once shipped, must do forever what it did the day it shipped. One that calls
 * today's code (a tag rule, a date bound) changes whenever that code does, and libraries
 * upgraded before and after would differ. So the migrations module imports nothing of the
 * app's: only SQLite's types. (What migration 11 does is checked by migrations.test.ts's
 * upgrade from schema 10.)
 */
describe('the migrations module', () => {
  it('imports nothing that can change under a shipped migration', () => {
    const source = readFileSync(new URL('../../../electron/library/migrations.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(([, type, from]) => ({
      from,
      typeOnly: Boolean(type),
    }));
    const dynamic = /\bimport\s*\(|\brequire\s*\(/.test(source);
    expect(dynamic).toBe(false);
    expect(imports).toEqual([{ from: 'better-sqlite3-multiple-ciphers', typeOnly: true }]);
  });
});
