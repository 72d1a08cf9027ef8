import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgresDeskStore } from './postgres-store.ts';
import { startDesk } from './server.ts';
import { openSqliteDeskStore } from './sqlite-store.ts';
import { checkUserName, deskRoles, hashToken, newToken, type DeskRole, type DeskStore } from './store.ts';
import { DESK_STORY_NAME } from '../common/desk.ts';

export const DESK_DEFAULT_PORT = 47616;

export const DESK_USAGE = `Usage: dateline desk [--port N] [--host ADDRESS] [--database FILE|postgres://…] [--redis redis://…]
                     [--tls-cert FILE --tls-key FILE]
       dateline desk add-user NAME [--role reporter|editor]   prints the person's token, once
       dateline desk revoke-user NAME
       dateline desk users [--json]
       dateline desk share STORY NAME…                      lets these people open a story

Runs the newsroom desk, where shared drafts are co-edited live.
  --port N         listen on port N (default ${DESK_DEFAULT_PORT})
  --host ADDRESS   listen on this address (default 127.0.0.1; for others, use TLS: below, or a proxy)
  --database DB    a SQLite file (default: DATELINE_DESK_DATABASE or ./desk.sqlite), or postgres://…
  --redis URL      other desk servers' Redis, so people on different servers edit the same story
  --tls-cert FILE  the certificate (PEM) the desk speaks wss:// with, and --tls-key FILE its key`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  /** Resolves when the desk should stop (SIGINT or SIGTERM by default). */
  stopped?: Promise<void>;
}

class DeskUsageError extends Error {}

async function openStore(database: string): Promise<DeskStore> {
  return /^postgres(ql)?:\/\//i.test(database) ? openPostgresDeskStore(database) : openSqliteDeskStore(resolve(database));
}

/** `dateline desk …`: the desk server, and the people who may use it. */
export async function runDeskCli(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        database: { type: 'string' },
        redis: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        role: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`dateline desk: ${(error as Error).message}\n${DESK_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(DESK_USAGE);
    return 0;
  }
  const database = values.database ?? io.env?.DATELINE_DESK_DATABASE ?? 'desk.sqlite';
  const [action, ...operands] = positionals;
  let store: DeskStore | undefined;
  try {
    if (action === undefined) return await serve(values, database, io);
    store = await openStore(database);
    switch (action) {
      case 'add-user': {
        if (operands.length !== 1) throw new DeskUsageError('add-user takes one name');
        const role = (values.role ?? 'reporter') as DeskRole;
        if (!deskRoles.includes(role)) throw new DeskUsageError(`--role is ${deskRoles.join(' or ')}`);
        const token = newToken();
        await store.addUser(checkUserName(operands[0]!), role, hashToken(token));
        io.out(
          values.json
            ? JSON.stringify({ name: operands[0], role, token })
            : `Added ${operands[0]} (${role}). Their token, shown only now:\n${token}`,
        );
        return 0;
      }
      case 'revoke-user': {
        if (operands.length !== 1) throw new DeskUsageError('revoke-user takes one name');
        if (!(await store.revokeUser(operands[0]!))) throw new Error(`The desk has no active user "${operands[0]}".`);
        io.out(`${operands[0]}'s token no longer opens the desk.`);
        return 0;
      }
      case 'users': {
        const users = await store.listUsers();
        io.out(
          values.json
            ? JSON.stringify(users)
            : users.length
              ? users.map((user) => `${user.name}\t${user.role}\tadded ${new Date(user.createdAt).toISOString().slice(0, 10)}`).join('\n')
              : 'No one is on the desk yet: `dateline desk add-user NAME` adds someone.',
        );
        return 0;
      }
      case 'share': {
        const [story, ...people] = operands;
        if (!story || !people.length) throw new DeskUsageError('share takes a story and at least one name');
        if (!DESK_STORY_NAME.test(story)) throw new Error(`"${story}" is not the name of a story on the desk (story:…).`);
        if (!(await store.storyAccess(story))) throw new Error(`No one has shared ${story} to the desk yet.`);
        await store.share(story, people);
        io.out(`${people.join(', ')} may open ${story}.`);
        return 0;
      }
      default:
        throw new DeskUsageError(`unknown desk action "${action}" (add-user, revoke-user, users, share)`);
    }
  } catch (error) {
    if (error instanceof DeskUsageError) {
      io.err(`dateline desk: ${error.message}\n${DESK_USAGE}`);
      return 2;
    }
    io.err(`dateline desk: ${(error as Error).message}`);
    return 1;
  } finally {
    await store?.close();
  }
}

interface ServeOptions {
  port?: string;
  host?: string;
  redis?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
}

async function serve(values: ServeOptions, database: string, io: Io): Promise<number> {
  const port = values.port === undefined ? DESK_DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DeskUsageError('--port is a number from 0 to 65535');
  if (values.redis && !/^rediss?:\/\//i.test(values.redis)) throw new DeskUsageError('--redis is an address like redis://127.0.0.1:6379');
  const tls = readTls(values['tls-cert'], values['tls-key']);
  const store = await openStore(database);
  const desk = await startDesk({ store, port, host: values.host, redis: values.redis, tls });
  io.out(
    `The desk is running at ${tls ? 'wss' : 'ws'}://${values.host ?? '127.0.0.1'}:${desk.port} (${/^postgres/i.test(database) ? 'PostgreSQL' : resolve(database)})`,
  );
  await (io.stopped ?? stopSignal());
  await desk.close();
  return 0;
}

/** The certificate and key named, read before anything starts: both or neither. */
function readTls(certFile: string | undefined, keyFile: string | undefined): { cert: Buffer; key: Buffer } | undefined {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile) throw new DeskUsageError('--tls-cert and --tls-key go together');
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new Error(`The TLS ${what} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
    }
  };
  return { cert: read(certFile, 'certificate'), key: read(keyFile, 'key') };
}

function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
