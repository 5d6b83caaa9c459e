// Table-driven and offline: DNS answers come from an injected lookup.
import { describe, expect, it } from 'vitest';
import { addressRefusal, checkWebhookUrl, resolveAndCheck, type LookupFn } from '../../functions/webhooks/url-guard.ts';

const refused: Array<[string, RegExp]> = [
  ['http://169.254.169.254/latest/meta-data/', /169\.254\.0\.0\/16/],
  ['http://2852039166/', /169\.254/], // decimal
  ['http://0xA9FEA9FE/', /169\.254/], // hex
  ['http://0xa9.0xfe.0xa9.0xfe/', /169\.254/],
  ['http://0251.0376.0251.0376/', /169\.254/], // octal
  ['http://169.254.43518/', /169\.254/], // a.b.c form
  ['http://169.254.169.254./', /169\.254/], // trailing dot
  ['http://①⑥⑨.②⑤④.①⑥⑨.②⑤④/', /169\.254/], // fullwidth digits
  ['http://169.254.170.2/v2/credentials', /169\.254/], // ECS task credentials
  ['http://[::ffff:169.254.169.254]/', /embedded in IPv6/],
  ['http://[::ffff:a9fe:a9fe]/', /embedded in IPv6/],
  ['http://[0:0:0:0:0:ffff:169.254.169.254]/', /embedded in IPv6/],
  ['http://[::169.254.169.254]/', /embedded in IPv6/], // IPv4-compatible
  ['http://[64:ff9b::169.254.169.254]/', /embedded in IPv6/], // NAT64
  // Local-use NAT64 (RFC 8215): the metadata address at the /96 and the /48 embedding, and any other.
  ['http://[64:ff9b:1::169.254.169.254]/', /64:ff9b:1::\/48/],
  ['http://[64:ff9b:1:a9fe:a9:fe00::]/', /64:ff9b:1::\/48/],
  ['http://[64:ff9b:1:ffff:ffff:ffff:ffff:ffff]/', /64:ff9b:1::\/48/],
  ['http://[2002:a9fe:a9fe::1]/', /embedded in IPv6/], // 6to4
  ['http://[fd00:ec2::254]/', /EC2 IPv6 instance metadata/],
  ['http://[fe80::1]/', /fe80::\/10/],
  ['http://[FEBF:ffff::1]/', /fe80::\/10/],
  ['ftp://example.com/hook', /http or https, not ftp/],
  ['file:///etc/passwd', /http or https/],
  ['javascript:alert(1)', /http or https/],
  ['http://user:pass@example.com/hook', /credentials/],
  ['https://token@example.com/hook', /credentials/],
  ['http://169.254.169.254:80@example.com/', /credentials/],
  ['/relative/path', /not a valid absolute URL/],
  ['not a url', /not a valid absolute URL/],
];

const allowed = [
  'http://localhost:3000/portone-webhook',
  'http://127.0.0.1:8080/hook',
  'http://[::1]:8080/hook',
  'http://0x7f.1/hook',
  'https://example.com/webhooks/portone?x=1',
  'https://hooks.example.co.kr:8443/p',
  'http://10.0.0.5/hook',
  'http://192.168.0.10/hook',
  'http://[fec0::1]/', // just outside fe80::/10
  'http://169.253.255.255/',
  'http://169.255.0.1/',
  'http://[::ffff:127.0.0.1]/',
  'http://[64:ff9b:2::a9fe:a9fe]/', // just outside 64:ff9b:1::/48
];

describe('checkWebhookUrl', () => {
  it.each(refused)('refuses %s', (url, reason) => {
    const result = checkWebhookUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });

  it.each(allowed)('allows %s', (url) => {
    const result = checkWebhookUrl(url);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.url).toBeInstanceOf(URL);
  });

  it.each(['http://127.0.0.1/', 'http://127.8.9.10/', 'http://[::1]/', 'http://0.0.0.0/', 'http://0/', 'http://[::ffff:127.0.0.1]/'])(
    'refuses loopback %s when allowLoopback is false (Lambda)',
    (url) => {
      expect(checkWebhookUrl(url, { allowLoopback: false })).toMatchObject({ ok: false, message: expect.stringMatching(/loopback/) });
    },
  );
});

describe('addressRefusal', () => {
  it('classifies resolver output, including zone ids', () => {
    expect(addressRefusal('169.254.169.254')).toMatch(/metadata/);
    expect(addressRefusal('fe80::1%eth0')).toMatch(/link-local/);
    expect(addressRefusal('93.184.216.34')).toBeUndefined();
    expect(addressRefusal('2606:2800:220:1:248:1893:25c8:1946')).toBeUndefined();
    expect(addressRefusal('::')).toBeUndefined();
    expect(addressRefusal('::', { allowLoopback: false })).toMatch(/loopback/);
    expect(addressRefusal('example.com')).toBeUndefined();
  });
});

describe('resolveAndCheck', () => {
  const fakeDns = (table: Record<string, string[]>): LookupFn => async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  const lookup = fakeDns({
    'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'rebind.example': ['93.184.216.34', '169.254.169.254'],
    'v6meta.example': ['fd00:ec2::254'],
    'mapped.example': ['::ffff:169.254.169.254'],
    localhost: ['127.0.0.1', '::1'],
  });

  it('accepts a name whose every address is allowed, reporting them', async () => {
    await expect(resolveAndCheck('https://public.example/hook', { lookup })).resolves.toMatchObject({
      ok: true,
      addresses: ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    });
  });

  it.each(['rebind.example', 'v6meta.example', 'mapped.example'])('refuses %s: one resolved address is enough', async (host) => {
    const result = await resolveAndCheck(`http://${host}/hook`, { lookup });
    expect(result).toMatchObject({ ok: false, reason: 'BLOCKED_URL', message: expect.stringContaining(host) });
  });

  it('allows localhost by default and refuses it when loopback is off', async () => {
    await expect(resolveAndCheck('http://localhost:3000/', { lookup })).resolves.toMatchObject({ ok: true });
    await expect(resolveAndCheck('http://localhost:3000/', { lookup, allowLoopback: false })).resolves.toMatchObject({
      ok: false,
      reason: 'BLOCKED_URL',
    });
  });

  it('reports an unresolvable name as a DNS failure, not a blocked URL', async () => {
    await expect(resolveAndCheck('http://nowhere.example/', { lookup })).resolves.toEqual({
      ok: false,
      reason: 'DNS',
      message: 'cannot resolve nowhere.example (ENOTFOUND)',
    });
  });

  it('does not resolve IP literals and still applies the static checks', async () => {
    const never: LookupFn = () => Promise.reject(new Error('must not be called'));
    await expect(resolveAndCheck('http://127.0.0.1:1/', { lookup: never })).resolves.toMatchObject({ ok: true, addresses: ['127.0.0.1'] });
    await expect(resolveAndCheck('http://[::ffff:169.254.169.254]/', { lookup: never })).resolves.toMatchObject({
      ok: false,
      reason: 'BLOCKED_URL',
    });
  });

  it('uses the system resolver by default (localhost resolves to loopback)', async () => {
    await expect(resolveAndCheck('http://localhost:9/')).resolves.toMatchObject({ ok: true });
  });
});
