import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getArticle } from '../../../electron/library/articles.ts';
import { Library } from '../../../electron/library/library.ts';
import { checkIntegrity } from '../../../electron/library/maintenance.ts';
import { tempDir } from '../../helpers/temp.ts';

const SERVER = fileURLToPath(new URL('../../../electron/server.ts', import.meta.url));

async function startServer(library: string) {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', SERVER, '--library', library], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // A free capture port: tests side by side (or a Dateline running here) never meet.
    env: { ...process.env, DATELINE_CAPTURE_PORT: '0' },
  });
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  // As a browser would: the printed address's one-time code, exchanged for the session cookie.
  const opened = await fetch(url, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const call = async (channel: string, input: unknown) => {
    const response = await fetch(new URL(`/api/invoke/${channel}`, url.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value: { id: number; revision: number } };
  };
  return { child, call };
}

function paragraphState(text: string): string {
  return JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] } });
}

describe('an acknowledged save', () => {
  it('survives the server being killed with SIGKILL the instant it answers', async () => {
    const library = join(tempDir(), 'library.sqlite');
    const acknowledged: { id: number; text: string }[] = [];
    for (let cycle = 0; cycle < 8; cycle += 1) {
      const { child, call } = await startServer(library);
      const created = await call('articles.createDraft', { title: `Draft ${cycle}` });
      const text = `Text acknowledged in cycle ${cycle}`;
      const saved = await call('articles.update', { id: created.value.id, patch: { editorState: paragraphState(text) } });
      expect(saved.ok).toBe(true);
      child.kill('SIGKILL');
      acknowledged.push({ id: created.value.id, text });
      await new Promise((resolve) => child.once('exit', resolve));
    }
    const reopened = Library.open(library);
    try {
      expect(checkIntegrity(reopened).ok).toBe(true);
      for (const { id, text } of acknowledged) expect(getArticle(reopened, id).text).toBe(text);
    } finally {
      reopened.close();
    }
  });
});
