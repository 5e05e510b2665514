import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { endpointBackoffMs, pauseReasonFor } from './breaker.js';
import { checkedLookup, checkWebhookUrl, isAllowedAddress, parseAllowList, RefusedAddressError } from './url-policy.js';

const none = parseAllowList([]);

describe('webhook address policy', () => {
  it('refuses loopback, private, CGNAT, link-local, multicast, unspecified and their IPv6 forms', () => {
    for (const ip of [
      '127.0.0.1',
      '127.8.9.10',
      '10.0.0.5',
      '172.16.3.4',
      '172.31.255.255',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.169.254',
      '224.0.0.1',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:169.254.169.254',
      '64:ff9b::a00:1',
    ]) {
      expect(isAllowedAddress(ip, none), ip).toBe(false);
    }
    for (const ip of ['8.8.8.8', '203.119.1.1', '172.32.0.1', '2408:4000::1', '::ffff:114.114.114.114']) expect(isAllowedAddress(ip, none), ip).toBe(true);
  });

  it('judges the URL text: scheme, address literals in any spelling, and inward names', () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://LOCALHOST./hook',
      'http://api.localhost/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:3000/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.1.2.3/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://metadata.google.internal/',
      'http://printer.local/',
      'http://intranet/',
      'ftp://example.com/hook',
      'file:///etc/passwd',
    ]) {
      expect(checkWebhookUrl(url, none).ok, url).toBe(false);
    }
    for (const url of [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1',
      'https://oapi.dingtalk.com/robot/send',
      'http://8.8.8.8/x',
      'https://[2408:4000::1]/',
    ]) {
      expect(checkWebhookUrl(url, none).ok, url).toBe(true);
    }
  });

  it('lets an intranet installation allow hosts, addresses and ranges, and nothing more', () => {
    const allow = parseAllowList(['oa.corp', '10.8.0.0/16', '127.0.0.1', '::ffff:192.168.5.0/120']);
    expect(checkWebhookUrl('http://oa.corp/hook', allow)).toMatchObject({ ok: true, isHostAllowed: true });
    expect(checkWebhookUrl('http://10.8.3.4/hook', allow)).toMatchObject({ ok: true, isHostAllowed: false });
    expect(checkWebhookUrl('http://127.0.0.1:9000/hook', allow).ok).toBe(true);
    expect(checkWebhookUrl('http://192.168.5.7/', allow).ok).toBe(true);
    expect(checkWebhookUrl('http://10.9.0.1/hook', allow).ok).toBe(false);
    expect(checkWebhookUrl('http://127.0.0.2/hook', allow).ok).toBe(false);
    expect(checkWebhookUrl('http://169.254.169.254/', allow).ok).toBe(false);
  });
});

describe('resolving at delivery time', () => {
  it('refuses a connection to a name that resolves inward, at the lookup the socket itself uses', async () => {
    let hits = 0;
    const server = http.createServer((_req, res) => void (hits++, res.end('ok')));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const get = (allow: ReturnType<typeof parseAllowList>) =>
      new Promise<number>((resolve, reject) => {
        // 'localhost' stands for any name whose DNS answer points inward (this machine's /etc/hosts says 127.0.0.1).
        const req = http.request({ host: 'localhost', port, path: '/', agent: false, lookup: checkedLookup(allow) }, (res) => resolve(res.statusCode!));
        req.on('error', reject);
        req.end();
      });
    try {
      const refused = await get(parseAllowList([])).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(RefusedAddressError);
      expect((refused as Error).message).toBe('refused: localhost resolves to 127.0.0.1, not a public address');
      expect(hits).toBe(0);
      // The same connection goes through when the address is allow-listed: the check, not the name, decided.
      expect(await get(parseAllowList(['127.0.0.1']))).toBe(200);
      expect(hits).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('webhook circuit breaker', () => {
  const t0 = new Date('2026-11-24T08:00:00Z');
  it('backs the endpoint off longer after each failure, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 7, 20].map(endpointBackoffMs)).toEqual([15_000, 30_000, 60_000, 120_000, 900_000, 900_000]);
  });
  it('pauses after ten failures in a row, after an hour of failing, or at once for a refused address', () => {
    expect(pauseReasonFor({ consecutiveFailures: 9, failingSince: t0, isRefused: false }, new Date(t0.getTime() + 59 * 60_000))).toBeNull();
    expect(pauseReasonFor({ consecutiveFailures: 10, failingSince: t0, isRefused: false }, t0)).toBe('consecutive_failures');
    expect(pauseReasonFor({ consecutiveFailures: 3, failingSince: t0, isRefused: false }, new Date(t0.getTime() + 60 * 60_000))).toBe('failing_for_an_hour');
    expect(pauseReasonFor({ consecutiveFailures: 2, failingSince: t0, isRefused: false }, new Date(t0.getTime() + 3 * 3600_000))).toBeNull();
    expect(pauseReasonFor({ consecutiveFailures: 1, failingSince: t0, isRefused: true }, t0)).toBe('address_refused');
  });
});
