import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may go (ADR 0012): http(s) to public addresses only, unless the installation allow-lists a host or a
 * range (WEBHOOK_ALLOW_HOSTS) for an intranet. Checked when a webhook is saved, and again at every delivery on the
 * addresses DNS gives, with the connection pinned to the address that was checked.
 */
export interface AllowList {
  hosts: Set<string>;
  ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
}

/** Entries are host names, addresses (a one-address range) or CIDRs. */
export function parseAllowList(entries: string[]): AllowList {
  const allow: AllowList = { hosts: new Set(), ranges: [] };
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/') && ipaddr.isValidCIDR(entry)) {
      const [addr, bits] = ipaddr.parseCIDR(entry);
      const mapped = addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress();
      allow.ranges.push(mapped ? [(addr as ipaddr.IPv6).toIPv4Address(), bits - 96] : [addr, bits]);
    } else if (ipaddr.isValid(entry) && net.isIP(entry)) {
      const addr = ipaddr.process(entry);
      allow.ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else allow.hosts.add(entry.replace(/\.$/, ''));
  }
  return allow;
}

/**
 * The range ipaddr.js names for an address; only `unicast` is public. Loopback, private, carrierGradeNat, linkLocal
 * (169.254.169.254, the cloud metadata service), multicast, unspecified, reserved, uniqueLocal, and the IPv6 forms that
 * carry an IPv4 address (mapped, 6to4, NAT64) are all something else. A mapped address is judged as the IPv4 it carries.
 */
export function addressRange(ip: string): string {
  return ipaddr.process(ip).range();
}

export function isAllowedAddress(ip: string, allow: AllowList): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const addr = ipaddr.process(ip);
  if (addr.range() === 'unicast') return true;
  return allow.ranges.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
}

// Names that only mean something inside a network: never public, whatever they resolve to today.
const inwardName = /(^|\.)(localhost|localdomain|local|internal|intranet|lan|home\.arpa)$/;

export type UrlVerdict = { ok: true; host: string; isHostAllowed: boolean } | { ok: false; reason: string };

/** Judges a URL by its text alone: scheme, and a host that is a public address or a public-looking name. */
export function checkWebhookUrl(raw: string, allow: AllowList): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `scheme ${url.protocol} is not http(s)` };
  // The URL parser has already turned 2130706433, 0x7f.1 and friends into dotted addresses.
  const host = url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (allow.hosts.has(host)) return { ok: true, host, isHostAllowed: true };
  if (net.isIP(host)) {
    return isAllowedAddress(host, allow)
      ? { ok: true, host, isHostAllowed: false }
      : { ok: false, reason: `${host} is not a public address (${addressRange(host)})` };
  }
  if (!host.includes('.') || inwardName.test(host)) return { ok: false, reason: `${host} is not a public host name` };
  return { ok: true, host, isHostAllowed: false };
}

/** Thrown when a host resolves to an address that is not allowed: the delivery is refused, not retried. */
export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

/**
 * A `lookup` for node:http that answers only with checked addresses. The socket connects to exactly what this returns,
 * so a name cannot resolve outward for the check and inward for the connection (DNS rebinding). Every address a name
 * has must be allowed, not just the first.
 */
export function checkedLookup(allow: AllowList): net.LookupFunction {
  return ((
    hostname: string,
    options: dns.LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
  ) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const inward = addresses.find((a) => !isAllowedAddress(a.address, allow));
      if (inward || addresses.length === 0) {
        return callback(new RefusedAddressError(`refused: ${hostname} resolves to ${inward?.address ?? 'nothing'}, not a public address`), '', 4);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as net.LookupFunction;
}

/** At save time: the reason a name resolves inward, or null (also when DNS does not answer in time: delivery checks again). */
export async function findInwardResolution(host: string, allow: AllowList, timeoutMs = 1500): Promise<string | null> {
  const lookup = dns.promises.lookup(host, { all: true }).catch(() => []);
  const timeout = new Promise<[]>((r) => setTimeout(() => r([]), timeoutMs).unref());
  const addresses = await Promise.race([lookup, timeout]);
  const inward = addresses.find((a) => !isAllowedAddress(a.address, allow));
  return inward ? `${host} resolves to ${inward.address}, not a public address` : null;
}
