/**
 * The crash harness: starts the writer as a child process, kills it with SIGKILL at a random
 * moment, reopens the library and checks that it is intact, that every write the writer saw
 * committed is there, and that the one in flight is there whole or not at all.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getArticle } from '../../electron/library/articles.ts';
import { holdKey, type DataKey } from '../../electron/library/cipher.ts';
import { Library } from '../../electron/library/library.ts';
import { checkIntegrity } from '../../electron/library/maintenance.ts';
import { random as seededRandom } from '../helpers/synthetic.ts';
import type { Write } from './protocol.ts';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

export interface CrashReport {
  cycles: number;
  /** Writes acknowledged by the writer before it was killed, all found afterwards. */
  acknowledged: number;
  /** Writes under way at the kill that turned out to have committed (found whole). */
  inFlightCommitted: number;
  /** Kills that landed while the library was still being opened. */
  killedWhileOpening: number;
}

interface Expected {
  drafts: Map<number, { title: string; text: string }>;
  imports: Map<number, string>;
  tags: Map<number, string[]>;
}

/**
 * With `key`, the library is an encrypted one: made with that key, held by this process for
 * the checks, and given to each writer through its environment (never its arguments).
 */
export async function runCrashCycles(file: string, cycles: number, seed = 1, { key }: { key?: DataKey } = {}): Promise<CrashReport> {
  if (key) {
    holdKey(key, [dirname(file)]);
    Library.open(file, { key }).close();
  }
  const env = key ? { ...process.env, DATELINE_CRASH_KEY: Buffer.from(key).toString('hex') } : process.env;
  const expected: Expected = { drafts: new Map(), imports: new Map(), tags: new Map() };
  const report: CrashReport = { cycles: 0, acknowledged: 0, inFlightCommitted: 0, killedWhileOpening: 0 };
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    const cycleSeed = seed * 100_000 + cycle;
    const { writes, inFlight, ready } = await writeUntilKilled(file, cycleSeed, env);
    if (!ready) report.killedWhileOpening += 1;
    for (const write of writes) applyWrite(expected, write);
    report.acknowledged += writes.length;
    try {
      if (verify(file, expected, inFlight)) report.inFlightCommitted += 1;
    } catch (error) {
      throw new Error(`Crash cycle ${cycle} (seed ${cycleSeed}) left the library wrong: ${(error as Error).message}`);
    }
    report.cycles += 1;
  }
  return report;
}

/** One child: killed either while opening the library or a few milliseconds into its writes. */
async function writeUntilKilled(
  file: string,
  seed: number,
  env: NodeJS.ProcessEnv,
): Promise<{ writes: Write[]; inFlight: Write | null; ready: boolean }> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', WRITER, file, String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  let errors = '';
  let ready = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killLater = (ms: number) => setTimeout(() => child.kill('SIGKILL'), ms);
  const random = seededRandom(seed);
  // Most kills land among the writes; some while the file is opened (or migrated).
  const whileOpening = random() < 0.25;
  let timer = whileOpening ? killLater(30 + random() * 250) : null;
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (!ready && output.includes('"ready":true')) {
      ready = true;
      timer ??= killLater(random() * 60);
    }
  });
  await exited;
  if (timer) clearTimeout(timer);
  if (child.signalCode !== 'SIGKILL') throw new Error(`The writer stopped by itself (${child.exitCode}): ${errors}`);
  const lines = output
    .split('\n')
    .filter((line) => line.endsWith('}'))
    .map((line) => JSON.parse(line) as { intent?: Write; ack?: Write });
  const writes = lines.flatMap((line) => (line.ack ? [line.ack] : []));
  const last = lines.at(-1);
  return { writes, inFlight: last?.intent ?? null, ready };
}

function applyWrite(expected: Expected, write: Write): void {
  switch (write.op) {
    case 'save':
      expected.drafts.get(write.id)!.text = write.text;
      break;
    case 'draft':
      expected.drafts.set(write.id!, { title: write.title, text: '' });
      break;
    case 'import':
      expected.imports.set(write.id!, write.token);
      expected.tags.set(write.id!, [`batch-of-${write.id}`]);
      break;
    case 'tags':
      expected.tags.set(write.id, [...write.tags].sort());
      break;
  }
}

/** Checks the reopened library; returns whether the write in flight had committed. */
function verify(file: string, expected: Expected, inFlight: Write | null): boolean {
  const library = Library.open(file);
  try {
    const integrity = checkIntegrity(library);
    if (!integrity.ok) throw new Error(`integrity check: ${integrity.problems.join('; ')}`);
    const committed = inFlight ? settleInFlight(library, expected, inFlight) : false;
    for (const [id, draft] of expected.drafts) {
      const stored = getArticle(library, id);
      if (stored.title !== draft.title || stored.text !== draft.text)
        throw new Error(`draft ${id} is “${stored.text}”, expected “${draft.text}”`);
    }
    for (const [id, token] of expected.imports) {
      const stored = getArticle(library, id);
      if (stored.title !== `Import ${token}` || stored.text !== `Body of import ${token}.`)
        throw new Error(`imported article ${id} is not whole`);
      const tags = [...stored.tags].sort();
      if (JSON.stringify(tags) !== JSON.stringify(expected.tags.get(id)))
        throw new Error(`article ${id} has tags ${tags.join(', ')}, expected ${expected.tags.get(id)!.join(', ')}`);
    }
    const counts = library.db.prepare('SELECT kind, count(*) AS n FROM articles GROUP BY kind').all() as { kind: string; n: number }[];
    const count = (kind: string) => counts.find((row) => row.kind === kind)?.n ?? 0;
    if (count('draft') !== expected.drafts.size || count('saved') !== expected.imports.size) {
      throw new Error(
        `${count('draft')} drafts and ${count('saved')} articles stored; ${expected.drafts.size} and ${expected.imports.size} written`,
      );
    }
    return committed;
  } finally {
    library.close();
  }
}

/** The write under way at the kill is there whole or not at all; what is there is expected from now on. */
function settleInFlight(library: Library, expected: Expected, write: Write): boolean {
  switch (write.op) {
    case 'save': {
      const text = getArticle(library, write.id).text;
      if (text !== write.text) return false;
      expected.drafts.get(write.id)!.text = text;
      return true;
    }
    case 'draft': {
      const row = library.db.prepare("SELECT id FROM articles WHERE kind = 'draft' AND title = ?").get(write.title) as
        { id: number } | undefined;
      if (row) expected.drafts.set(row.id, { title: write.title, text: '' });
      return Boolean(row);
    }
    case 'import': {
      const row = library.db.prepare('SELECT id FROM articles WHERE title = ?').get(`Import ${write.token}`) as { id: number } | undefined;
      if (row) applyWrite(expected, { ...write, id: row.id });
      return Boolean(row);
    }
    case 'tags': {
      const tags = [...getArticle(library, write.id).tags].sort();
      const wanted = [...write.tags].sort();
      if (JSON.stringify(tags) !== JSON.stringify(wanted)) return false;
      expected.tags.set(write.id, wanted);
      return true;
    }
  }
}
