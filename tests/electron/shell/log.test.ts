import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatcher.ts';
import { createLogger } from '../../../electron/shell/log.ts';
import { tempDir, tempLibrary, testAppInfo } from '../../helpers/temp.ts';

describe('the log', () => {
  it('writes timestamped lines with error details', () => {
    const log = createLogger(tempDir());
    log.info('starting');
    log.error('backup failed', new Error('disk full'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO starting\n/);
    expect(text).toMatch(/ERROR backup failed\n {2}Error: disk full\n\s+at /);
  });

  it('rotates by size and keeps a fixed number of old files', () => {
    const dir = tempDir();
    const log = createLogger(dir, { maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i += 1) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['dateline.log', 'dateline.log.1', 'dateline.log.2']);
    for (const name of readdirSync(dir)) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200);
    expect(readFileSync(join(dir, 'dateline.log'), 'utf8')).toContain('line 39');
  });

  it('gets no article text when a channel fails', async () => {
    const log = createLogger(tempDir());
    const library = tempLibrary();
    const dispatch = createDispatcher({ library, app: testAppInfo, emit: () => {}, log: (message, error) => log.error(message, error) });
    library.close();
    await dispatch('articles.createDraft', { title: 'Whistleblower meets reporter at the quay', dek: 'Unpublished source detail' });
    const text = readFileSync(log.file, 'utf8');
    expect(text).toContain('channel articles.createDraft failed');
    expect(text).not.toMatch(/Whistleblower|quay|Unpublished/);
  });
});
