import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';
import { DatelineError } from '../../common/errors.ts';

/**
 * A saved link or a page's picture must never reach the computer it runs on or the network
 * behind it: a Pocket link to 127.0.0.1, or a redirect to the router's admin page, would
 * make an internal page part of the library. Every connection is checked on the address it
 * is actually made to, after DNS (so a name that resolves to a private address, or is
 * rebound to one, is refused too). A newsroom's policy may allow its intranet hosts by name.
 */

// prettier-ignore
const PRIVATE_V4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
// prettier-ignore
const PRIVATE_V6: [string, number][] = [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
];

const PRIVATE = new BlockList();
for (const [network, prefix] of PRIVATE_V4) PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of PRIVATE_V6) PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Loopback, private, link-local, multicast, reserved or unspecified (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function refusal(host: string): DatelineError {
  return new DatelineError(
    'IMPORT_FAILED',
    `Dateline does not download from this computer or a private network (${host}). Your organisation’s policy can allow named intranet hosts.`,
  );
}

/** The host of a URL as a resolver or a connection sees it: IPv6 without its brackets. */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** Refuses an address whose host is itself a private IP (no DNS is asked for those). */
export function checkHost(url: URL, allowed: ReadonlySet<string>): void {
  const host = bareHost(url);
  if (!allowed.has(host) && isPrivateAddress(host)) throw refusal(host);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowed: ReadonlySet<string>) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const found = addresses as LookupAddress[];
      const host = hostname.toLowerCase();
      const blocked = found.find((entry) => isPrivateAddress(entry.address));
      if (blocked && !allowed.has(host))
        return callback(Object.assign(refusal(`${hostname}, ${blocked.address}`), { code: 'EPRIVATE' }), []);
      if (options.all) callback(null, found);
      else callback(null, found[0]!.address, found[0]!.family);
    });
  };
}

const agents = new Map<string, Agent>();

/** The connection pool for one list of allowed hosts; every socket it opens is checked. */
export function guardedAgent(allowed: ReadonlySet<string>): Agent {
  const key = [...allowed].sort().join(' ');
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(allowed) } });
    agents.set(key, agent);
  }
  return agent;
}
