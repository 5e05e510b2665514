import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, reachablePostgres, seedStaff, sharedStorage, startApi, type SharedStorage } from './processes.js';

/**
 * Issue 6 item 5: a kill -9 between commit and delivery loses no event. The first process commits a ticket and its
 * outbox event and is killed before anything is dispatched (LINLI_WORKERS=0: it runs no dispatcher); a fresh process
 * on the same database delivers the webhook to a receiver here. On PostgreSQL (DATABASE_URL, or the local server when
 * one answers) and on a PGlite folder.
 */
const serverUrl = await reachablePostgres();
const engines = [...(serverUrl ? (['postgresql'] as const) : []), 'pglite' as const];

describe.each(engines)('outbox across a kill -9 (%s)', (engine) => {
  let storage: SharedStorage;
  const received: Array<{ event: string; ticket: { id: number; code: string } }> = [];
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  beforeAll(async () => {
    storage = await sharedStorage(engine, serverUrl);
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
    await storage.dispose();
  });

  it('delivers, from a fresh process, the webhook of a ticket committed by a process killed before dispatching it', async () => {
    const { username } = await seedStaff(storage);
    const env = { ...storage.env, DATA_DIR: storage.dataDirFor('a'), WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };
    const first = await startApi({ ...env, LINLI_WORKERS: '0' });
    let ticket: { id: number; code: string };
    try {
      const cookie = await login(first.url, username);
      const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
      expect((await api(first.url, cookie, 'POST', '/api/webhooks', { name: 'receiver', url: hookUrl, format: 'json' })).status).toBe(201);
      const cats = (await api(first.url, cookie, 'GET', '/api/ticket-categories')).body.items;
      const created = await api(first.url, cookie, 'POST', '/api/tickets', {
        channel: 'phone',
        categoryId: cats[0].id,
        title: '路灯不亮',
        description: '三号楼前路灯坏了',
      });
      expect(created.status).toBe(201);
      ticket = created.body;
    } finally {
      await first.kill('SIGKILL');
    }
    expect(first.proc.signalCode).toBe('SIGKILL');

    // Committed and waiting: the event is in the outbox, nothing reached the receiver.
    const before = await storage.open();
    try {
      const rows = await before.db.selectFrom('outbox').select(['name', 'payload', 'dispatched_at']).where('name', '=', 'ticket.created').execute();
      expect(rows).toEqual([{ name: 'ticket.created', payload: expect.objectContaining({ ticketId: ticket.id }), dispatched_at: null }]);
    } finally {
      await before.close();
    }
    expect(received).toEqual([]);

    const second = await startApi({ ...env, DATA_DIR: storage.dataDirFor('b') });
    try {
      await expect.poll(() => received.length, { timeout: 30_000, interval: 200 }).toBe(1);
      expect(received[0]).toMatchObject({ event: 'ticket.created', ticket: { id: ticket.id, code: ticket.code } });
    } finally {
      await second.kill('SIGTERM');
    }
    // Opening a PGlite folder once more costs tens of seconds on a loaded machine; the row's bookkeeping is covered by
    // outbox.test.ts, so it is read back here on the server only.
    if (engine === 'pglite') return;
    const after = await storage.open();
    try {
      const rows = await after.db.selectFrom('outbox').select(['done_subscribers', 'dispatched_at']).where('name', '=', 'ticket.created').execute();
      expect(rows).toEqual([{ done_subscribers: ['webhooks'], dispatched_at: expect.any(Date) }]);
    } finally {
      await after.close();
    }
  }, 240_000);
});
