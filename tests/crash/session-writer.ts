/**
 * The child the encryption proof kills: the app's own session over an encrypted library,
 * written through the contract as the window writes it — an import, a draft autosaved again
 * and again, a highlight with a note, a backup — until it is killed. Every word it writes
 * carries the marker given, so the test can look for any of them in the files left behind.
 */
import { writeSync } from 'node:fs';
import { LibrarySession } from '../../electron/ipc/session.ts';
import { unlockLibrary } from '../../electron/library/library-keys.ts';
import { describeApp } from '../../electron/policy/app-info.ts';
import { paragraphState } from './protocol.ts';

const [file, marker] = process.argv.slice(2) as [string, string];
if (process.env.DATELINE_PASSPHRASE) unlockLibrary(file, { passphrase: process.env.DATELINE_PASSPHRASE });
const app = describeApp({
  mode: 'browser',
  version: '0.0.0-test',
  libraryPath: file,
  loaded: { policy: {}, source: null, problem: null },
  isPackaged: false,
});
const session = await LibrarySession.start({
  file,
  app,
  emit: () => undefined,
  log: (message, error) => console.error(message, error),
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await session.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const page = `<html><head><title>Harbour ${marker} story</title></head><body><article><h1>Harbour ${marker} story</h1>
<p>${`The ferry from ${marker}port ran again on Monday after the storm, the harbour authority said. `.repeat(20)}</p></article></body></html>`;
const imported = await call<{ imported: { id: number }[] }>('import.files', {
  files: [{ name: `${marker}.html`, data: Buffer.from(page).toString('base64') }],
});
const articleId = imported.imported[0]!.id;
await call('highlights.add', { articleId, quote: `ferry from ${marker}port`, note: `Ask the ${marker} source again` });
const draft = await call<{ id: number; revision: number }>('articles.createDraft', {
  title: `Draft on ${marker}`,
  editorNote: `${marker} called at noon`,
});
await call('backups.create', {});
let revision = draft.revision;
for (let round = 0; ; round++) {
  const saved = await call<{ revision: number }>('articles.save', {
    id: draft.id,
    patch: { editorState: paragraphState(`Autosaved ${marker} paragraph, round ${round}.`) },
    expectedRevision: revision,
  });
  revision = saved.revision;
  if (round === 20) writeSync(1, 'ready\n');
}
