import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, signedInAccount, type TestEnv } from '../../../test/harness.js';
import { buildResident } from '../../../test/fixtures.js';
import { runBackgroundJobs } from '../../../test/jobs.js';

describe('帮扶台账 (the help register)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  const post = (cookie: string, url: string, payload: object) => env.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const r = await buildResident(env.ctx, sec.community.id, { name: '孙德明' });
    const need = (await post(sec.cookie, '/api/help-needs', { residentId: r.id, helpCategory: 'medical', request: '每月陪同去医院复查' })).json();
    await post(sec.cookie, `/api/help-needs/${need.id}/actions`, { actedOn: '2026-11-03', note: '陪同复查' });
  });
  afterAll(async () => env.close());

  async function exportOf(cookie: string) {
    const started = await post(cookie, '/api/ledger/exports', { register: 'help' });
    expect(started.statusCode, started.body).toBe(202);
    await runBackgroundJobs(env.ctx);
    const file = await env.app.inject({ url: `/api/ledger/exports/${started.json().id}/file`, headers: { cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
    const row = Object.fromEntries(header.map((h, i) => [h, sheet.getRow(4).getCell(i + 1).value]));
    return { sheet, row, text: JSON.stringify(sheet.getSheetValues()) };
  }

  it('prints labels not codes; the name and request in full only for help.sensitive, logged as a view', async () => {
    const before = (await env.ctx.db.selectFrom('pii_access_log').select('id').execute()).length;
    const full = await exportOf(sec.cookie);
    expect(full.sheet.name).toBe('帮扶台账');
    expect(full.row).toMatchObject({
      帮扶对象: '孙德明',
      帮扶类别: '就医助医',
      帮扶需求: '每月陪同去医院复查',
      状态: '帮扶中',
      帮扶记录: '2026-11-03 陪同复查',
    });
    expect(full.text).not.toMatch(/medical|in_progress/);
    expect((await env.ctx.db.selectFrom('pii_access_log').select('id').execute()).length).toBeGreaterThan(before);

    const grid = await signedInAccount(env, 'grid_worker', sec.community.id);
    const masked = await exportOf(grid.cookie);
    expect(masked.row).toMatchObject({ 帮扶对象: '孙**', 帮扶类别: '就医助医', 帮扶需求: '（仅限授权人员查看）' });
    expect(masked.text).not.toContain('孙德明');
  });
});
