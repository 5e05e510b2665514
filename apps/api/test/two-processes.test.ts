import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, reachablePostgres, seedStaff, sharedStorage, startApi, type ApiProcess, type SharedStorage } from './processes.js';

/**
 * Issue 6 item 6: background work lives in the database and files in one shared folder. Two real API processes
 * (apps/api/src/main.ts) on one PostgreSQL database — DATABASE_URL, or the local server on 127.0.0.1:5432 when it
 * answers, as in CI — each with a DATA_DIR of its own and one FILES_DIR. Process A serves HTTP only (LINLI_WORKERS=0),
 * so the export it queues can only be written by process B.
 *
 * Without any PostgreSQL server, two processes cannot share a database at all (PGlite admits one process per folder),
 * and the test says so by its name: it then queues the export through one process, kills it, and has the next process
 * on the same folder run and serve it.
 */
const serverUrl = await reachablePostgres();

async function readXlsx(res: Response) {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.getWorksheet('诉求工单台账')!;
}

/** The ledger's ticket rows: those with a number in the 序号 column (below the title, period and header rows). */
const ticketRows = (sheet: ExcelJS.Worksheet) => (sheet.getSheetValues() as unknown[][]).filter((r) => r && typeof r[1] === 'number').length;

async function fileOf(base: string, cookie: string, id: number) {
  return fetch(`${base}/api/ledger/exports/${id}/file`, { headers: { cookie } });
}

async function ticketsThrough(base: string, cookie: string, n: number) {
  const cats = (await api(base, cookie, 'GET', '/api/ticket-categories')).body.items;
  for (let i = 0; i < n; i++) {
    expect(
      (await api(base, cookie, 'POST', '/api/tickets', { channel: 'phone', categoryId: cats[0].id, title: `路灯${i}`, description: `${i}号楼前路灯坏了` }))
        .status,
    ).toBe(201);
  }
}

// Chosen once, not skipped: every run tests what its machine allows, under an honest name.
if (serverUrl)
  describe('two API processes on one PostgreSQL database', () => {
    let storage: SharedStorage;
    let a: ApiProcess | undefined;
    let b: ApiProcess | undefined;
    beforeAll(async () => {
      storage = await sharedStorage('postgresql', serverUrl);
    });
    afterAll(async () => {
      await a?.kill('SIGTERM');
      await b?.kill('SIGTERM');
      await storage.dispose();
    });

    it('starts an export through one process, shows its progress there, and serves the file written by the other through both', async () => {
      const { username } = await seedStaff(storage);
      [a, b] = await Promise.all([
        startApi({ ...storage.env, DATA_DIR: storage.dataDirFor('a'), LINLI_WORKERS: '0' }),
        startApi({ ...storage.env, DATA_DIR: storage.dataDirFor('b') }),
      ]);
      // One session for both: it lives in the database, not in a process.
      const cookie = await login(a.url, username);
      await ticketsThrough(a.url, cookie, 3);

      const started = await api(a.url, cookie, 'POST', '/api/ledger/exports', {});
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: 'running', total: 3 });
      const id = started.body.id as number;
      // Progress as process A reads it from the database; only B runs jobs.
      await expect
        .poll(async () => (await api(a!.url, cookie, 'GET', `/api/ledger/exports/${id}`)).body.status, { timeout: 60_000, interval: 250 })
        .toBe('done');
      expect((await api(a.url, cookie, 'GET', `/api/ledger/exports/${id}`)).body).toMatchObject({ processed: 3, total: 3 });

      const throughB = await readXlsx(await fileOf(b.url, cookie, id));
      expect(ticketRows(throughB)).toBe(3);
      const throughA = await readXlsx(await fileOf(a.url, cookie, id));
      expect(JSON.stringify(throughA.getSheetValues())).toBe(JSON.stringify(throughB.getSheetValues()));
      // In the shared folder, under neither process's DATA_DIR.
      expect(fs.existsSync(path.join(storage.env.FILES_DIR!, 'exports', `ledger-${id}.xlsx`))).toBe(true);
      expect(fs.existsSync(path.join(storage.dataDirFor('b'), 'exports'))).toBe(false);

      const database = await storage.open();
      try {
        const job = await database.db
          .selectFrom('background_jobs')
          .selectAll()
          .where('kind', '=', 'ledger.export')
          .where('subject_id', '=', id)
          .executeTakeFirstOrThrow();
        expect(job).toMatchObject({ status: 'done', attempts: 1, progress: 3, result_file: `exports/ledger-${id}.xlsx`, error: null });
        // The tickets' events, published by A, were dispatched by B.
        const waiting = await database.db.selectFrom('outbox').select('id').where('dispatched_at', 'is', null).execute();
        expect(waiting).toEqual([]);
      } finally {
        await database.close();
      }
    }, 240_000);
  });
else
  describe('no PostgreSQL server: one process after another on one PGlite folder (PGlite admits one process)', () => {
    let storage: SharedStorage;
    beforeAll(async () => {
      storage = await sharedStorage('pglite');
    });
    afterAll(async () => storage.dispose());

    it('runs and serves, from the next process, an export queued by a process killed before it ran', async () => {
      const { username } = await seedStaff(storage);
      const env = { ...storage.env, DATA_DIR: storage.dataDirFor('one') };
      const first = await startApi({ ...env, LINLI_WORKERS: '0' });
      let id: number;
      try {
        const cookie = await login(first.url, username);
        await ticketsThrough(first.url, cookie, 3);
        const started = await api(first.url, cookie, 'POST', '/api/ledger/exports', {});
        expect(started.status).toBe(202);
        id = started.body.id;
      } finally {
        await first.kill('SIGKILL');
      }
      const next = await startApi(env);
      try {
        const cookie = await login(next.url, username);
        await expect
          .poll(async () => (await api(next.url, cookie, 'GET', `/api/ledger/exports/${id}`)).body.status, { timeout: 60_000, interval: 250 })
          .toBe('done');
        expect(ticketRows(await readXlsx(await fileOf(next.url, cookie, id)))).toBe(3);
        expect(fs.existsSync(path.join(storage.env.FILES_DIR!, 'exports', `ledger-${id}.xlsx`))).toBe(true);
      } finally {
        await next.kill('SIGTERM');
      }
    }, 240_000);
  });
