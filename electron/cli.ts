import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatelineError, isDatelineError } from './common/errors.ts';
import { libraryViews, type LibraryView } from './common/model.ts';
import type { PendingFile } from './import/pipeline.ts';
import { entriesCount, leftOutTotal } from './common/import-summary.ts';
import type { ChannelInput, ChannelName, ChannelOutput } from './ipc/contract.ts';
import { createDispatcher, type Dispatch } from './ipc/dispatcher.ts';
import { LibrarySession } from './ipc/session.ts';
import type { Library } from './library/library.ts';
import { resolveLibraryPath } from './library/location.ts';
import { checkIntegrity, type IntegrityReport } from './library/maintenance.ts';
import { backupFolder, copyLibrary, listBackups } from './library/backups.ts';
import { LibraryDamagedError, openCheckedLibrary } from './library/startup.ts';
import { heldKeyFor } from './library/cipher.ts';
import type { ConversionOptions } from './library/encryption.ts';
import { looksEncrypted, passphraseProblem, unlockAtStart, type UnlockAtStart } from './library/library-keys.ts';
import { askHidden } from './common/node/terminal.ts';
import { keepYoungGenerationSmall } from './common/node/young-generation.ts';
import type { BackupInfo } from './common/backups.ts';
import { snippetParts } from './common/snippet.ts';
import { describeApp, loadDevelopmentPolicy, packageVersion } from './policy/app-info.ts';

/**
 * The help. Heavy modules (the import pipeline, the exporters and their libraries) load only
 * for the commands that use them, so `list`, `show` and `search` start in a few hundred ms;
 * the help is where the export formats are named, so it loads their list.
 */
const usage = async () => `Usage: dateline <command> [options]

Commands:
  import <paths…>     import files or folders of articles
  list                list articles, newest first (--view ${libraryViews.join('|')}, --tag NAME, --limit N)
  show <id>           print one article
  search <query>      search the whole library ("exact phrase", -word leaves a word out,
                      word* for prefixes; -- ends the options)
  feeds               list the feeds followed, with unread counts and how each last refreshed
  feeds follow <url>  follow a feed by its address, or by a site's that names its feed
  feeds refresh [id]  refresh every feed not paused (or one), downloading teasers' pages
  feeds import <file> follow every feed of an OPML list (another reader's export)
  feeds export        write the feeds followed as OPML (-o FILE, else standard output)
  feeds unfollow <id> stop following a feed; its articles stay
  export <id>         export an article (--format ${(await import('./export/registry.ts')).exportFormats.join('|')}, -o FILE)
  check               check the library file's integrity
  backup [file]       back up the library into its Backups folder (kept in rotation),
                      or to <file>
  backups             list the backups in the Backups folder
  restore <name>      replace the library with a backup from the Backups folder; the
                      current library is kept as a backup first (a damaged one is moved
                      aside untouched)
  encrypt             encrypt the library and its backups; prints the recovery key once
  decrypt             make an encrypted library and its backups plain again
  rekey               change an encrypted library's passphrase
  desk …              run the newsroom desk and add its people (dateline desk --help)

An encrypted library's passphrase is asked at the terminal, or read from
DATELINE_PASSPHRASE (and, for encrypt and rekey, the new one from
DATELINE_NEW_PASSPHRASE); the prompt also takes the recovery key.

Options:
  --library FILE      the library to use (default: DATELINE_LIBRARY or your user-data folder)
  --json              print machine-readable JSON
  -h, --help          show this help`;

/** Wrong usage: exit status 2 with a one-line message. */
class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Asks for a secret without echoing it; null when nobody can be asked. The terminal by default. */
  ask?: (prompt: string) => Promise<string | null>;
  env?: NodeJS.ProcessEnv;
}

type Options = { json: boolean; library?: string; view?: string; tag?: string; limit?: string; format?: string; output?: string };

/**
 * An open library and the contract's door to it: commands call channels as the window does,
 * so every input is validated once, there. What the contract refuses is reported with its
 * sentence (exit status 1), like any refusal; exit status 2 is for the command line itself.
 */
interface Opened {
  library: Library;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}
type Command = (opened: Opened, operands: string[], options: Options, io: Io) => Promise<number>;
/** A command that works on the library's file itself, so it must run when the library cannot open. */
type FileCommand = (file: string, operands: string[], options: Options, io: Io) => Promise<number>;

const commands: Record<string, Command> = {
  import: runImport,
  list: runList,
  show: runShow,
  search: runSearch,
  export: runExport,
  backup: runBackup,
  feeds: runFeeds,
};

/**
 * Commands that only read skip the quick check on opening: it reads the whole file, seconds
 * for a big library, and they cannot spread damage. Commands that write check first.
 */
const readOnlyCommands = new Set(['list', 'show', 'search', 'export']);

const fileCommands: Record<string, FileCommand> = {
  check: runCheck,
  backups: runListBackups,
  restore: runRestore,
  encrypt: runEncrypt,
  decrypt: runDecrypt,
  rekey: runRekey,
};

/** Commands that unlock the library themselves (encrypt has nothing to unlock). */
const unlockingCommands = new Set(['encrypt', 'decrypt', 'rekey']);

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  view: { type: 'string' },
  tag: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Whether `token` names one of the options above, and whether it takes the token after it. */
function optionOf(token: string): { takesValue: boolean } | null {
  const [flag] = token.split('=', 1) as [string];
  for (const [name, option] of Object.entries(OPTIONS)) {
    const short = 'short' in option ? `-${option.short}` : null;
    if (flag === `--${name}` || flag === short) return { takesValue: option.type === 'string' && !token.includes('=') };
  }
  return null;
}

/**
 * A search query is words, and a word may start with "-" to leave it out
 * (`dateline search "north korean" -russia`): after `search`, a token that is none of the
 * options is part of the query, in its place, and `--` ends the options as usual.
 */
export function withQueryWords(argv: readonly string[]): string[] {
  const searchAt = commandIndex(argv);
  if (searchAt < 0 || argv[searchAt] !== 'search' || argv[searchAt - 1] === '--') return [...argv];
  const options: string[] = argv.slice(0, searchAt + 1);
  const words: string[] = [];
  for (let index = searchAt + 1; index < argv.length; index += 1) {
    const token = argv[index]!;
    if (token === '--') {
      words.push(...argv.slice(index + 1));
      break;
    }
    const option = token.startsWith('-') ? optionOf(token) : null;
    if (!option) words.push(token);
    else {
      options.push(token);
      if (option.takesValue && index + 1 < argv.length) options.push(argv[++index]!);
    }
  }
  return [...options, '--', ...words];
}

/** Where the command's name is: the first token that is neither an option nor an option's value. */
function commandIndex(argv: readonly string[]): number {
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index]!;
    if (token === '--') return index + 1 < argv.length ? index + 1 : -1;
    if (!token.startsWith('-')) return index;
    if (optionOf(token)?.takesValue) index += 1;
  }
  return -1;
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  keepYoungGenerationSmall();
  // The desk is its own program (a server, its people), with its own options.
  if (argv[0] === 'desk') {
    const { runDeskCli } = await import('./desk/cli.ts');
    return runDeskCli(argv.slice(1), { ...io, env: io.env ?? process.env });
  }
  let parsed;
  try {
    parsed = parseArgs({ args: withQueryWords(argv), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.err(`dateline: ${(error as Error).message} (see dateline --help)`);
    return 2;
  }
  const [name, ...operands] = parsed.positionals;
  if (parsed.values.help || name === 'help') {
    io.out(await usage());
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  const fileCommand = name === undefined ? undefined : fileCommands[name];
  if (!command && !fileCommand) {
    io.err(
      name === undefined ? 'dateline: no command given (see dateline --help)' : `dateline: unknown command "${name}" (see dateline --help)`,
    );
    return 2;
  }
  let library: Library | undefined;
  try {
    const file = resolveLibraryPath(parsed.values.library);
    if (!unlockingCommands.has(name!)) await unlockAtStart(file, unlockIo(io));
    if (fileCommand) return await fileCommand(file, operands, parsed.values, io);
    library = await openCheckedLibrary(file, { quickCheck: !readOnlyCommands.has(name!) });
    const dispatch = createDispatcher({
      library,
      app: cliAppInfo(file),
      emit: () => undefined,
      resumeDownloads: false,
      searchInThread: true,
    });
    return await command!({ library, call: through(dispatch) }, operands, parsed.values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dateline: ${error.message} (see dateline --help)`);
      return 2;
    }
    io.err(`dateline: ${isDatelineError(error) ? error.message : String((error as Error).message ?? error)}`);
    return 1;
  } finally {
    library?.close();
  }
}

function unlockIo(io: Io): UnlockAtStart {
  return { env: io.env ?? process.env, ask: io.ask ?? ((prompt) => askHidden(prompt)), tell: (message) => io.err(`dateline: ${message}`) };
}

/** A new passphrase: DATELINE_NEW_PASSPHRASE (or, for encrypt, DATELINE_PASSPHRASE), else typed twice. */
async function newPassphrase(io: Io, envNames: string[]): Promise<string> {
  const env = io.env ?? process.env;
  for (const name of envNames) if (env[name]) return env[name]!;
  const ask = io.ask ?? ((prompt: string) => askHidden(prompt));
  const first = await ask('New passphrase (at least 8 characters): ');
  if (first === null) throw new UsageError(`give the new passphrase at a terminal, or in ${envNames[0]}`);
  const problem = passphraseProblem(first);
  if (problem) throw new DatelineError('INVALID_INPUT', problem);
  if ((await ask('The same passphrase again: ')) !== first)
    throw new DatelineError('INVALID_INPUT', 'The two passphrases differ; nothing was changed.');
  return first;
}

function conversionProgress(io: Io, options: Options): ConversionOptions['onProgress'] {
  if (options.json) return undefined;
  return (step, detail) => io.err(detail ? `${step} ${detail.done}/${detail.total}` : `${step}…`);
}

async function runEncrypt(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('encrypt takes no operands');
  const { encryptLibrary, encryptPlainBackups } = await import('./library/encryption.ts');
  if (looksEncrypted(file)) {
    // An encryption cut short after the swap may have left backups plain: they are finished now.
    await unlockAtStart(file, unlockIo(io));
    const backups = await encryptPlainBackups(file, heldKeyFor(file)!);
    if (!backups) throw new DatelineError('CONFLICT', 'This library is encrypted already; `dateline rekey` changes its passphrase.');
    print(io, options, { encrypted: file, backups }, () => `The library was encrypted already; encrypted ${backups} backups left plain.`);
    return 0;
  }
  if (!options.json) {
    io.err(
      'Encrypting the library. Without its passphrase and its recovery key, nobody (Dateline included) can open it or its backups again.',
    );
  }
  const passphrase = await newPassphrase(io, ['DATELINE_NEW_PASSPHRASE', 'DATELINE_PASSPHRASE']);
  const { recoveryKey, backups } = await encryptLibrary(file, passphrase, { onProgress: conversionProgress(io, options) });
  print(io, options, { encrypted: file, backups, recoveryKey }, () =>
    [
      `Encrypted ${file} and ${backups} backup${backups === 1 ? '' : 's'}.`,
      '',
      `Recovery key: ${recoveryKey}`,
      '',
      'Write it down or store it somewhere safe now: it is shown only this once, and it opens the',
      'library if the passphrase is forgotten.',
    ].join('\n'),
  );
  return 0;
}

async function runDecrypt(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('decrypt takes no operands');
  if (loadDevelopmentPolicy().policy.security?.requireEncryption) {
    throw new DatelineError('UNSUPPORTED', 'Your organization requires this library to stay encrypted (security.requireEncryption).');
  }
  // A decryption cut short after the swap left a plain library with encrypted backups.
  await unlockAtStart(file, { ...unlockIo(io), keysFileAlone: true });
  const key = heldKeyFor(file);
  if (!key) throw new DatelineError('CONFLICT', 'This library is not encrypted.');
  const { decryptLibrary } = await import('./library/encryption.ts');
  const { backups } = await decryptLibrary(file, { key }, { onProgress: conversionProgress(io, options) });
  print(
    io,
    options,
    { decrypted: file, backups },
    () => `Decrypted ${file} and ${backups} backup${backups === 1 ? '' : 's'}; it is a plain file again.`,
  );
  return 0;
}

async function runRekey(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('rekey takes no operands');
  await unlockAtStart(file, unlockIo(io));
  const key = heldKeyFor(file);
  if (!key) throw new DatelineError('CONFLICT', 'This library is not encrypted; `dateline encrypt` encrypts it.');
  const passphrase = await newPassphrase(io, ['DATELINE_NEW_PASSPHRASE']);
  const { changePassphrase } = await import('./library/encryption.ts');
  // With its keys file lost (opened by the recovery key), a new keys file is written.
  changePassphrase(file, { key }, passphrase);
  print(io, options, { rekeyed: file }, () => 'Changed the passphrase. The recovery key is unchanged.');
  return 0;
}

function cliAppInfo(file: string) {
  return describeApp({ mode: 'cli', version: packageVersion(), libraryPath: file, loaded: loadDevelopmentPolicy(), isPackaged: false });
}

function through(dispatch: Dispatch): Opened['call'] {
  return async (channel, input) => {
    const result = await dispatch(channel, input);
    if (result.ok) return result.value as never;
    throw new DatelineError(result.error.code, result.error.message);
  };
}

function print(io: Io, options: Options, json: unknown, human: () => string): void {
  io.out(options.json ? JSON.stringify(json, null, 2) : human());
}

/**
 * Files are read from disk as the pipeline asks for them, not sent through the contract (whose
 * import takes the files' bytes, as a window sends them): the pipeline checks each one.
 */
async function runImport({ library }: Opened, paths: string[], options: Options, io: Io): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder');
  const files = (await Promise.all(paths.map((path) => expand(resolve(path))))).flat();
  const showProgress = !options.json && process.stderr.isTTY;
  const { importFiles } = await import('./import/pipeline.ts');
  const summary = await importFiles(library, files, {
    onProgress: showProgress
      ? ({ done, total, current, entries }) =>
          process.stderr.write(
            `\r${done}/${total} ${current ?? ''}${entries ? ` (${entries.done}/${entries.total} entries)` : ''}`.slice(0, 120).padEnd(120),
          )
      : undefined,
  });
  if (showProgress) process.stderr.write('\r'.padEnd(121) + '\r');
  print(io, options, summary, () =>
    [
      ...summary.imported.map((item) => `imported   #${item.id} ${item.title}  (${item.path})`),
      ...summary.duplicates.map(
        (item) => `duplicate  #${item.id} ${item.title}  (${item.path})${item.merged.length ? `; added ${item.merged.join(', ')}` : ''}`,
      ),
      ...summary.failed.map((item) => `failed     ${item.path}: ${item.error.message}`),
      ...summary.leftOut.map(
        (group) =>
          `left out   ${group.path}: ${entriesCount(group.count)} because ${group.reason} (${group.titles.join('; ')}${group.count > group.titles.length ? '; …' : ''})`,
      ),
      ...summary.notes.map((item) => `note       ${item.path}: ${item.note}`),
      `${summary.imported.length} imported, ${summary.duplicates.length} duplicates, ${summary.failed.length} failed${leftOutTotal(summary) ? `, ${entriesCount(leftOutTotal(summary))} left out` : ''}`,
      ...(summary.stopped ? [`stopped    ${summary.stopped.message} What was imported until then stays.`] : []),
    ].join('\n'),
  );
  return summary.failed.length || summary.stopped ? 1 : 0;
}

/** A folder stands for every file below it. */
async function expand(path: string): Promise<PendingFile[]> {
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) {
    const entries = await readdir(path, { withFileTypes: true });
    const nested = await Promise.all(
      entries
        .filter((entry) => !entry.name.startsWith('.'))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((entry) => expand(join(path, entry.name))),
    );
    return nested.flat();
  }
  return [{ path, size: info?.size, read: () => readFile(path) }];
}

async function runList({ call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('list takes no operands');
  // The flag's choices, from the contract's own list: a typo in a flag is wrong usage.
  if (options.view !== undefined && !(libraryViews as readonly string[]).includes(options.view)) {
    throw new UsageError(`--view must be one of ${libraryViews.join(', ')}`);
  }
  const list = await call('articles.list', {
    view: options.view as LibraryView | undefined,
    tag: options.tag,
    limit: numberOption(options.limit),
  });
  print(io, options, list, () =>
    [
      ...list.items.map(
        (item) =>
          `#${item.id}\t${(item.publishedAt ?? item.createdAt).slice(0, 10)}\t${item.kind === 'draft' ? '[draft] ' : ''}${item.title || '(untitled)'}`,
      ),
      `${list.items.length} of ${list.total}`,
    ].join('\n'),
  );
  return 0;
}

/** A number option as typed; the contract says what it may be. */
function numberOption(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function parseId(operand: string | undefined, command: string, what = 'article id'): number {
  if (operand === undefined) throw new UsageError(`${command} needs an ${what}`);
  const id = Number(operand);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(`"${operand}" is not ${what === 'article id' ? 'an' : 'a'} ${what}`);
  return id;
}

async function runShow({ call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length > 1) throw new UsageError('show takes one article id');
  const article = await call('articles.get', { id: parseId(operands[0], 'show') });
  const shown = {
    id: article.id,
    kind: article.kind,
    title: article.title,
    dek: article.dek,
    byline: article.byline,
    sourceName: article.sourceName,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    tags: article.tags,
    read: article.read,
    favorite: article.favorite,
    archived: article.archived,
    related: article.related,
    text: article.text,
    html: article.html,
  };
  print(io, options, shown, () =>
    [
      article.title,
      article.byline && `By ${article.byline}`,
      [article.sourceName, article.publishedAt?.slice(0, 10), `${article.readingMinutes} min read`].filter(Boolean).join(' · '),
      '',
      article.text,
      ...(article.related.length
        ? ['', 'Related:', ...article.related.map((link) => `- ${link.title}${link.url ? ` <${link.url}>` : ''}`)]
        : []),
    ]
      .filter((line) => line !== '')
      .join('\n'),
  );
  return 0;
}

async function runSearch({ call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length === 0) throw new UsageError('search needs a query');
  const results = await call('search.query', { query: operands.join(' '), limit: numberOption(options.limit) });
  print(io, options, results, () =>
    [
      ...results.results.map(
        (r) =>
          `#${r.id}\t${r.title}\n\t${snippetParts(r.snippet)
            .map((part) => (part.match ? `*${part.text}*` : part.text))
            .join('')}`,
      ),
      `${results.total} found`,
    ].join('\n'),
  );
  return 0;
}

async function runExport({ call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length > 1) throw new UsageError('export takes one article id');
  const id = parseId(operands[0], 'export');
  const format = options.format ?? 'md';
  const file = await call('articles.export', { id, format });
  const bytes = Buffer.from(file.data, 'base64');
  const { exporters } = await import('./export/registry.ts');
  if (!options.output && exporters.find((exporter) => exporter.id === format)?.writes === 'text') {
    process.stdout.write(bytes);
    return 0;
  }
  const destination = resolve(options.output ?? file.fileName);
  await writeFile(destination, bytes);
  print(io, options, { file: destination, bytes: bytes.length }, () => `Exported to ${destination}`);
  return 0;
}

/** A file command, so that a library failing the quick check on opening is reported, not refused. */
async function runCheck(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('check takes no operands');
  let report: IntegrityReport;
  try {
    const library = await openCheckedLibrary(file);
    try {
      report = checkIntegrity(library);
    } finally {
      library.close();
    }
  } catch (error) {
    if (!(error instanceof LibraryDamagedError)) throw error;
    report = { ok: false, problems: error.problems, schemaVersion: null, articles: null };
  }
  print(io, options, report, () =>
    report.ok
      ? `ok: ${report.articles} articles, schema ${report.schemaVersion}`
      : `PROBLEMS FOUND:\n${report.problems.map((p) => `- ${p}`).join('\n')}`,
  );
  return report.ok ? 0 : 1;
}

async function runFeeds({ call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  const [action = 'list', ...rest] = operands;
  const one = (what: string) => {
    if (rest.length !== 1) throw new UsageError(`feeds ${action} takes one ${what}`);
    return rest[0]!;
  };
  switch (action) {
    case 'list': {
      const feeds = await call('feeds.list', {});
      print(io, options, feeds, () =>
        feeds.length
          ? feeds
              .map(
                (feed) =>
                  `#${feed.id} ${feed.title}  ${feed.unread} unread of ${feed.total}${feed.paused ? '  (paused)' : ''}${feed.error ? `  failed: ${feed.error}` : ''}\n    ${feed.url}`,
              )
              .join('\n')
          : 'No feeds followed; `dateline feeds follow <address>` follows one.',
      );
      return 0;
    }
    case 'follow': {
      const { feed, added } = await call('feeds.subscribe', { address: one('address') });
      await downloadsDone(call);
      print(
        io,
        options,
        { feed, added },
        () => `${added ? 'Following' : 'Already following'} #${feed.id} ${feed.title} (${feed.total} articles)`,
      );
      return 0;
    }
    case 'refresh': {
      if (rest.length > 1) throw new UsageError('feeds refresh takes at most one feed id');
      const id = rest.length ? parseId(rest[0], 'feeds refresh', 'feed id') : undefined;
      const done = await call('feeds.refresh', { id });
      await downloadsDone(call);
      print(io, options, done, () => `Refreshed ${done.refreshed} feeds: ${done.added} new articles, ${done.failed} failed`);
      return done.failed ? 1 : 0;
    }
    case 'import': {
      const data = (await readFile(resolve(one('OPML file')))).toString('base64');
      const result = await call('feeds.importOpml', { data });
      print(io, options, result, () =>
        [
          `${result.added.length} feeds followed, ${result.existing} already followed; \`dateline feeds refresh\` fetches their stories.`,
          ...result.skipped.map((skip) => `left out   ${skip.title}: ${skip.reason}`),
        ].join('\n'),
      );
      return 0;
    }
    case 'export': {
      if (rest.length) throw new UsageError('feeds export takes no operands (-o FILE writes a file)');
      const file = await call('feeds.exportOpml', {});
      const bytes = Buffer.from(file.data, 'base64');
      if (!options.output) {
        process.stdout.write(bytes);
        return 0;
      }
      await writeFile(resolve(options.output), bytes);
      print(io, options, { file: resolve(options.output), bytes: bytes.length }, () => `Exported the feeds to ${resolve(options.output!)}`);
      return 0;
    }
    case 'unfollow': {
      const id = parseId(one('feed id'), 'feeds unfollow', 'feed id');
      await call('feeds.unsubscribe', { id, deleteArticles: false });
      print(io, options, { unfollowed: id }, () => `Stopped following feed #${id}; its articles stay.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown feeds action "${action}" (list, follow, refresh, import, export, unfollow)`);
  }
}

/** A one-off command ends after the pages its feeds queued are downloaded, not in the middle. */
async function downloadsDone(call: Opened['call']): Promise<void> {
  while ((await call('downloads.status', {})).running) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function runBackup({ library, call }: Opened, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length > 1) throw new UsageError('backup takes at most one destination file');
  if (operands.length === 0) {
    const backup = await call('backups.create', {});
    print(io, options, backup, () => `Backed up the library: ${backup.name} (${backup.articles} articles)`);
    return 0;
  }
  const destination = resolve(operands[0]!);
  if (await stat(destination).catch(() => null)) {
    throw new DatelineError('CONFLICT', `${destination} already exists; choose a new file name.`);
  }
  await copyLibrary(library.db, destination);
  const { size } = await stat(destination);
  print(io, options, { file: destination, bytes: size }, () => `Backed up the library to ${destination}`);
  return 0;
}

function backupLine(backup: BackupInfo): string {
  const when = new Date(backup.createdAt).toISOString().replace('T', ' ').slice(0, 16);
  const articles = backup.articles === null ? '?' : String(backup.articles);
  return `${backup.name}  ${when} UTC  ${backup.kind.padEnd(14)} ${articles.padStart(7)} articles${backup.problem ? `  (${backup.problem})` : ''}`;
}

async function runListBackups(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length) throw new UsageError('backups takes no operands');
  const folder = backupFolder(file);
  const backups = await listBackups(folder);
  print(io, options, { folder, backups }, () =>
    backups.length ? [`Backups in ${folder}, newest first:`, ...backups.map(backupLine)].join('\n') : `No backups in ${folder} yet.`,
  );
  return 0;
}

/**
 * Restores as the window does, through the session: a healthy library is kept aside as a
 * backup first, a damaged one is moved aside untouched. A file command, so that a library
 * failing its check can still be restored over.
 */
async function runRestore(file: string, operands: string[], options: Options, io: Io): Promise<number> {
  if (operands.length !== 1) throw new UsageError('restore needs the name of one backup (see dateline backups)');
  const [name] = operands as [string];
  const session = await LibrarySession.start({
    file,
    app: cliAppInfo(file),
    emit: () => undefined,
    resumeDownloads: false,
    dailyBackups: false,
  });
  try {
    const { restored, keptAside, damagedCopy } = await through(session.dispatch)('backups.restore', { name });
    print(io, options, damagedCopy ? { restored, damagedCopy } : { restored, keptAside }, () =>
      damagedCopy
        ? `Restored ${restored.name} (${restored.articles} articles). The damaged library was moved, unchanged, to ${damagedCopy}`
        : `Restored ${restored.name} (${restored.articles} articles). The library as it was is kept as ${keptAside!.name}`,
    );
    return 0;
  } finally {
    session.close();
  }
}
