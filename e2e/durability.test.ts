import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { apiLogin, freshStorage, startServer, type Storage } from './support/server.js';

describe(`durability (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await freshStorage();
  });
  afterAll(async () => storage.dispose());

  it('keeps every acknowledged write across kill -9 and a restart, and one process per data folder', async () => {
    const first = await startServer(storage.env);
    const cookie = await apiLogin(first.url, 'jgc_shuji', DEMO_PASSWORD);
    const headers = { cookie, 'content-type': 'application/json' };

    if (storage.engine === 'pglite') {
      // A second server on the same folder must refuse to start while the first runs.
      await expect(startServer(storage.env, { timeoutMs: 60_000 })).rejects.toThrow(/in use by process/);
    }

    const acknowledged: string[] = [];
    for (let i = 0; i < 50; i++) {
      const name = `耐久测试小区${i}`;
      const res = await fetch(`${first.url}/api/compounds`, { method: 'POST', headers, body: JSON.stringify({ name }) });
      expect(res.status).toBe(201);
      acknowledged.push(name);
    }
    // Fire more writes and kill the process while they are in flight; only the answered ones are promised.
    const inflight = Array.from({ length: 20 }, (_, i) =>
      fetch(`${first.url}/api/compounds`, { method: 'POST', headers, body: JSON.stringify({ name: `飞行中${i}` }) })
        .then((r) => (r.status === 201 ? `飞行中${i}` : null))
        .catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 5));
    await first.stop('SIGKILL');
    expect(first.proc.signalCode).toBe('SIGKILL');
    for (const name of await Promise.all(inflight)) if (name) acknowledged.push(name);

    const second = await startServer(storage.env);
    try {
      const cookie2 = await apiLogin(second.url, 'jgc_shuji', DEMO_PASSWORD);
      const res = await fetch(`${second.url}/api/compounds`, { headers: { cookie: cookie2 } });
      const names = new Set(((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name));
      const lost = acknowledged.filter((n) => !names.has(n));
      expect(lost).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    } finally {
      await second.stop();
    }
  });
});
