/**
 * Which webhook URLs the sandbox will POST to. The URL is chosen by whoever
 * holds an API secret (store settings, or a payment's `noticeUrls`), and the
 * sender runs inside the developer's AWS account, so an unchecked URL is a
 * server-side request forgery into the instance/task metadata services.
 *
 * Refused: anything but http/https; credentials in the URL (they would be
 * sent as Basic auth and stored in delivery logs); link-local 169.254.0.0/16
 * (EC2/ECS/Lambda metadata, incl. 169.254.169.254 and 169.254.170.2),
 * fe80::/10, the EC2 IPv6 metadata address fd00:ec2::254, those IPv4
 * addresses embedded in IPv6 (mapped, compatible, NAT64 64:ff9b::/96, 6to4),
 * and the whole local-use NAT64 prefix 64:ff9b:1::/48 (RFC 8215).
 *
 * Allowed: loopback by default (developers run receivers on localhost) and
 * private ranges (a LAN receiver is legitimate locally; on Lambda outside a
 * VPC they are unreachable anyway). Pass `allowLoopback: false` where
 * loopback is never a real receiver: on Lambda 127.0.0.1:9001 is the Lambda
 * Runtime API of the very function doing the sending.
 *
 * Obfuscated IPv4 forms (2852039166, 0xA9FEA9FE, 0251.0376.0251.0376,
 * fullwidth digits, trailing dot) need no code here: the WHATWG URL parser
 * canonicalises them to dotted decimal, and that is what we check.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIPv4, isIPv6 } from 'node:net';

export interface UrlGuardOptions {
  /** Default true. */
  allowLoopback?: boolean;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

export type LookupFn = (hostname: string) => Promise<ReadonlyArray<{ address: string; family: number }>>;

export type ResolvedUrlCheck =
  | { ok: true; url: URL; addresses: string[] }
  | { ok: false; reason: 'BLOCKED_URL' | 'DNS'; message: string };

const defaultLookup: LookupFn = (hostname) => dnsLookup(hostname, { all: true });

function ipv4Octets(ip: string): [number, number, number, number] | undefined {
  if (!isIPv4(ip)) return undefined;
  const parts = ip.split('.').map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0];
}

/** Eight 16-bit groups of a valid IPv6 literal (zone id ignored, embedded dotted quad folded in). */
function ipv6Groups(ip: string): number[] | undefined {
  let text = ip.split('%')[0] ?? '';
  if (!isIPv6(text)) return undefined;
  const lastColon = text.lastIndexOf(':');
  const v4 = ipv4Octets(text.slice(lastColon + 1));
  if (v4 !== undefined) {
    const hi = ((v4[0] << 8) | v4[1]).toString(16);
    const lo = ((v4[2] << 8) | v4[3]).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(fill).fill('0'), ...tailGroups].map((g) => Number.parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : undefined;
}

function groupsToIPv4(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** The IPv4 address an IPv6 address stands for, if it embeds one in a routable way. */
function embeddedIPv4(g: number[]): string | undefined {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const upperZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0;
  if (upperZero && g4 === 0 && g5 === 0xffff) return groupsToIPv4(g6, g7); // ::ffff:a.b.c.d (mapped)
  if (upperZero && g4 === 0xffff && g5 === 0) return groupsToIPv4(g6, g7); // ::ffff:0:a.b.c.d (translated)
  if (upperZero && g4 === 0 && g5 === 0 && (g6 !== 0 || g7 > 1)) return groupsToIPv4(g6, g7); // ::a.b.c.d (compatible)
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return groupsToIPv4(g6, g7); // NAT64
  if (g0 === 0x2002) return groupsToIPv4(g1, g2); // 6to4
  return undefined;
}

function ipv4Refusal(octets: readonly number[], options: UrlGuardOptions): string | undefined {
  if (octets[0] === 169 && octets[1] === 254) return 'a link-local / instance metadata address (169.254.0.0/16)';
  // 0.0.0.0 connects to the local host on Linux, so it counts as loopback.
  if (options.allowLoopback === false && (octets[0] === 127 || octets.every((o) => o === 0))) {
    return 'a loopback address';
  }
  return undefined;
}

/**
 * Why `address` (an IP literal, IPv6 without brackets) must not receive
 * webhooks, or undefined when it may. Non-IP input yields undefined.
 */
export function addressRefusal(address: string, options: UrlGuardOptions = {}): string | undefined {
  const v4 = ipv4Octets(address);
  if (v4 !== undefined) return ipv4Refusal(v4, options);
  const g = ipv6Groups(address);
  if (g === undefined) return undefined;
  const embedded = embeddedIPv4(g);
  if (embedded !== undefined) {
    const reason = ipv4Refusal(ipv4Octets(embedded) ?? [], options);
    return reason === undefined ? undefined : `${reason}, embedded in IPv6`;
  }
  // Where the IPv4 address sits in 64:ff9b:1::/48 depends on the prefix length the network chose
  // (RFC 6052 allows /48 to /96 inside it), so the target cannot be decoded: refuse the prefix.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'the local-use NAT64 prefix 64:ff9b:1::/48, whose IPv4 target cannot be checked';
  if (((g[0] ?? 0) & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if (g.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')) return 'the EC2 IPv6 instance metadata address';
  if (options.allowLoopback === false && g.slice(0, 7).every((x) => x === 0) && (g[7] === 1 || g[7] === 0)) {
    return 'a loopback address';
  }
  return undefined;
}

function hostOf(url: URL): string {
  // IPv6 hosts keep their brackets in URL.hostname.
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** Static checks on the URL text; no network. Call when the URL is configured and again before sending. */
export function checkWebhookUrl(url: string, options: UrlGuardOptions = {}): UrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, message: 'webhook URL is not a valid absolute URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, message: `webhook URL must use http or https, not ${parsed.protocol.replace(/:$/, '')}` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { ok: false, message: 'webhook URL must not contain credentials (user:password@)' };
  }
  const host = hostOf(parsed);
  if (host === '') return { ok: false, message: 'webhook URL has no host' };
  const refusal = addressRefusal(host, options);
  if (refusal !== undefined) return { ok: false, message: `webhook URL points to ${refusal}` };
  return { ok: true, url: parsed };
}

/**
 * {@link checkWebhookUrl} plus a DNS lookup refusing any name that resolves
 * to a refused address (DNS rebinding: a name that was public when saved can
 * point at the metadata service later). Call right before each send.
 *
 * What remains: fetch resolves the name again, so a resolver answering
 * differently within that gap still wins. Closing it needs the connect-time
 * lookup hook of a custom HTTP agent; the blast radius here (one developer's
 * own sandbox stack) did not justify that yet.
 */
export async function resolveAndCheck(
  url: string | URL,
  options: UrlGuardOptions & { lookup?: LookupFn } = {},
): Promise<ResolvedUrlCheck> {
  const check = checkWebhookUrl(String(url), options);
  if (!check.ok) return { ok: false, reason: 'BLOCKED_URL', message: check.message };
  const host = hostOf(check.url);
  if (isIPv4(host) || isIPv6(host)) return { ok: true, url: check.url, addresses: [host] };

  let resolved: ReadonlyArray<{ address: string }>;
  try {
    resolved = await (options.lookup ?? defaultLookup)(host);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { ok: false, reason: 'DNS', message: `cannot resolve ${host}${typeof code === 'string' ? ` (${code})` : ''}` };
  }
  if (resolved.length === 0) return { ok: false, reason: 'DNS', message: `cannot resolve ${host} (no addresses)` };
  for (const { address } of resolved) {
    const refusal = addressRefusal(address, options);
    if (refusal !== undefined) {
      return { ok: false, reason: 'BLOCKED_URL', message: `webhook host ${host} resolves to ${address}, ${refusal}` };
    }
  }
  return { ok: true, url: check.url, addresses: resolved.map((r) => r.address) };
}
