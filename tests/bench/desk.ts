import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { percentile, type BenchRow } from './report.ts';

/**
 * `npm run bench -- --only desk`: the newsroom desk under load, beside a bare Hocuspocus
 * server in the same run. 50 editors (Node clients speaking the desk's protocol, each with
 * its own socket) type into one story at about five characters a second each; a 51st, who
 * only watches, times how long each keystroke takes to reach it. The server's CPU and memory
 * are read from /proc. Then 1,000 stories of 1,000 words are opened on one server over one
 * multiplexed socket, and its memory read again.
 */
const EDITORS = 50;
const TYPING_MS = 10_000;
const KEYSTROKE_EVERY_MS = 200;
const STORIES = 1_000;
const STORY_WORDS = 1_000;

const BIN = fileURLToPath(new URL('../../electron/bin/dateline.js', import.meta.url));
const BARE = fileURLToPath(new URL('./desk-bare.ts', import.meta.url));

interface Server {
  process: ChildProcess;
  url: string;
  token: string | null;
}

async function started(child: ChildProcess, port: number, token: string | null): Promise<Server> {
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => /running at/.test(chunk.toString()) && ready());
    child.once('exit', (code) => fail(new Error(`the server exited (${code}) before it listened`)));
  });
  return { process: child, url: `ws://127.0.0.1:${port}`, token };
}

async function startDesk(dir: string, port: number): Promise<Server> {
  const database = join(dir, `desk-${port}.sqlite`);
  const token = execFileSync(process.execPath, [BIN, 'desk', 'add-user', 'bench', '--role', 'editor', '--database', database], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop()!;
  const child = spawn(process.execPath, [BIN, 'desk', '--port', String(port), '--database', database], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return started(child, port, token);
}

async function startBare(port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', BARE, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return started(child, port, null);
}

async function stop(server: Server): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGTERM');
  await exited;
}

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory now and at its peak, in MiB, from /proc. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

function client(server: Server, story: string, socket?: HocuspocusProviderWebsocket) {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    ...(socket ? { websocketProvider: socket } : { url: server.url }),
    name: story,
    document: doc,
    token: server.token ?? 'bare',
  });
  if (socket) provider.attach();
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  return { doc, provider, synced };
}

interface Typing {
  latencies: number[];
  cpuPercent: number;
  memory: { rss: number; peak: number };
}

async function typing(server: Server): Promise<Typing> {
  const story = 'story:bench-typing-0001';
  const watcher = client(server, story);
  const editors = Array.from({ length: EDITORS }, () => client(server, story));
  await Promise.all([watcher.synced, ...editors.map((editor) => editor.synced)]);
  const latencies: number[] = [];
  // Each keystroke carries its send time in the story's map, under its editor's key.
  watcher.doc.getMap<number>('sent').observe((event) => {
    const now = performance.timeOrigin + performance.now();
    for (const key of event.keysChanged) latencies.push(now - watcher.doc.getMap<number>('sent').get(key)!);
  });
  const cpuBefore = cpuSeconds(server.process.pid!);
  const began = Date.now();
  const timers = editors.map((editor, index) =>
    setInterval(
      () => {
        const text = editor.doc.getText('body');
        editor.doc.transact(() => {
          text.insert(Math.floor(Math.random() * (text.length + 1)), 'abcdefghij'[index % 10]!);
          editor.doc.getMap<number>('sent').set(`editor-${index}`, performance.timeOrigin + performance.now());
        });
      },
      KEYSTROKE_EVERY_MS + (index % 7),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, TYPING_MS));
  for (const timer of timers) clearInterval(timer);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpuPercent = ((cpuSeconds(server.process.pid!) - cpuBefore) / ((Date.now() - began) / 1000)) * 100;
  const result = { latencies, cpuPercent, memory: memory(server.process.pid!) };
  for (const each of [watcher, ...editors]) each.provider.destroy();
  return result;
}

/** Opens many stories of a thousand words on one socket; the server's memory with all of them open. */
async function manyStories(server: Server): Promise<number> {
  const socket = new HocuspocusProviderWebsocket({ url: server.url });
  const words = Array.from({ length: STORY_WORDS }, (_, i) => `word${i % 97}`).join(' ');
  const open: ReturnType<typeof client>[] = [];
  for (let i = 0; i < STORIES; i += 50) {
    const batch = Array.from({ length: Math.min(50, STORIES - i) }, (_, j) =>
      client(server, `story:bench-many-${String(i + j).padStart(6, '0')}`, socket),
    );
    await Promise.all(batch.map((each) => each.synced));
    for (const each of batch) each.doc.getText('body').insert(0, words);
    open.push(...batch);
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const { rss } = memory(server.process.pid!);
  for (const each of open) each.provider.destroy();
  socket.destroy();
  return rss;
}

export async function benchDesk(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-desk-'));
  const port = 41000 + Math.floor(Math.random() * 10000);
  const rows: BenchRow[] = [];
  try {
    const desk = await startDesk(dir, port);
    const bare = await startBare(port + 1);
    try {
      const ours = await typing(desk);
      const theirs = await typing(bare);
      const row = (name: string, unit: string, p50: number, p95: number, baselineP95: number, target: string) => {
        rows.push({ suite: 'desk', name, unit, p50, p95, baselineP95, target });
        console.log(`  ${name}: ${p95.toFixed(1)} ${unit} (bare Hocuspocus ${baselineP95.toFixed(1)})`);
      };
      row(
        `keystroke reaches another editor, ${EDITORS} typing`,
        'ms',
        percentile(ours.latencies, 50),
        percentile(ours.latencies, 95),
        percentile(theirs.latencies, 95),
        'p95 < 500 ms',
      );
      row(`desk CPU, ${EDITORS} typing`, '% core', ours.cpuPercent, ours.cpuPercent, theirs.cpuPercent, '—');
      row(`desk memory, ${EDITORS} typing`, 'MiB', ours.memory.rss, ours.memory.peak, theirs.memory.peak, '—');
      const oursMany = await manyStories(desk);
      const theirsMany = await manyStories(bare);
      row(`desk memory, ${STORIES.toLocaleString('en')} stories open`, 'MiB', oursMany, oursMany, theirsMany, '—');
    } finally {
      await stop(desk);
      await stop(bare);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
