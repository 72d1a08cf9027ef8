import { execFileSync } from 'node:child_process';

/**
 * The real PostgreSQL and Redis the desk's tests use, as .ci/run starts them (Debian's
 * packages). CI must have them; elsewhere their tests skip, saying why.
 */
const POSTGRES = process.env.DATELINE_TEST_POSTGRES ?? 'postgres://dateline:dateline@127.0.0.1:5432/dateline_desk_test';
const REDIS = process.env.DATELINE_TEST_REDIS ?? 'redis://127.0.0.1:6379';

function reachable(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

const postgres = reachable('psql', [POSTGRES, '-tAc', 'SELECT 1']);
const redis = reachable('redis-cli', ['-u', REDIS, 'ping']);

if (process.env.CI && (!postgres || !redis)) {
  throw new Error(`CI must start PostgreSQL (${POSTGRES}) and Redis (${REDIS}) for the desk's tests (.ci/run does).`);
}
if (!postgres) console.warn(`Skipping the desk's PostgreSQL tests: nothing answers at ${POSTGRES} (.ci/run starts it).`);
if (!redis) console.warn(`Skipping the desk's Redis tests: nothing answers at ${REDIS} (.ci/run starts it).`);

export const services = { postgres, redis };

/** The test database, with each test's own schema (made on first use) so runs never meet. */
export function postgresUrl(schema: string): string {
  execFileSync('psql', [POSTGRES, '-qc', `CREATE SCHEMA IF NOT EXISTS ${schema}`], { stdio: 'ignore' });
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.href;
}

export const redisUrl = () => REDIS;
