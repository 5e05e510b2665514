import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('files folder and workers', () => {
  it('keeps files in DATA_DIR/files unless FILES_DIR names a folder, always as an absolute path', () => {
    expect(loadConfig({ DATA_DIR: '/srv/linli' }).filesDir).toBe('/srv/linli/files');
    expect(loadConfig({ DATA_DIR: '/srv/linli', FILES_DIR: '/mnt/shared/linli' }).filesDir).toBe('/mnt/shared/linli');
    expect(loadConfig({ FILES_DIR: 'relative/files' }).filesDir).toBe(path.resolve('relative/files'));
    expect(() => loadConfig({ FILES_DIR: '' })).toThrow(/FILES_DIR/);
  });

  it('runs the workers unless LINLI_WORKERS is 0', () => {
    expect(loadConfig({}).runWorkers).toBe(true);
    expect(loadConfig({ LINLI_WORKERS: '0' }).runWorkers).toBe(false);
    expect(() => loadConfig({ LINLI_WORKERS: 'maybe' })).toThrow(/LINLI_WORKERS/);
  });
});

describe('TRUST_PROXY and limit settings', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).http.trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'none' }).http.trustProxy).toEqual([]);
  });

  it('takes a list of addresses, CIDRs and named ranges', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).http.trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses what is not an address, naming the setting', () => {
    for (const bad of ['true', '*', '10.0.0.0/33', '300.1.1.1', 'proxy.example.com', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it('reads the login and report limits, with their defaults', () => {
    expect(loadConfig({}).limits).toEqual({
      login: { addressLockAfter: 10, accountLockAfter: 5, lockMinutes: 1, lockMaxMinutes: 60 },
      publicReportsPerAddress: 10,
      publicReportsPerLink: 60,
    });
    expect(loadConfig({ LOGIN_RATE_LIMIT: '3', LOGIN_ACCOUNT_LOCK_AFTER: '8' }).limits.login).toMatchObject({ addressLockAfter: 3, accountLockAfter: 8 });
  });
});
