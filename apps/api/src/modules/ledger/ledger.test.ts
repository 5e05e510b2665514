import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerColumns } from '@linli/contracts';
import { actorIn, buildAccount, createTestEnv, loginAs, type TestEnv } from '../../../test/harness.js';
import { ensureCategories } from '../tickets/index.js';
import { runBackgroundJobs } from '../../../test/jobs.js';

const communityName = async (env: TestEnv, id: number) =>
  (await env.ctx.db.selectFrom('communities').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
// Tests name the communities they seeded themselves.
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';

describe('ledger (台账)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const grid = await buildAccount(env.ctx, { role: 'grid_worker', communityId: sec.community.id });
    const gridCookie = await loginAs(env.app, grid.username);
    const call = (cookie: string, url: string, payload?: object) => env.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} });
    const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items;
    const compoundId = (await call(sec.cookie, '/api/compounds', { name: '金海花园' })).json().id;
    const t = (
      await call(sec.cookie, '/api/tickets', {
        channel: 'walk_in',
        categoryId: cats[2].id,
        compoundId,
        title: '垃圾站异味',
        description: '垃圾中转站异味扰民',
        reporterName: '王阿姨',
        reporterPhone: '13893100001',
      })
    ).json();
    await call(sec.cookie, `/api/tickets/${t.id}/accept`);
    await call(sec.cookie, `/api/tickets/${t.id}/assign`, { assigneeId: grid.id });
    await call(gridCookie, `/api/tickets/${t.id}/start`);
    await call(gridCookie, `/api/tickets/${t.id}/resolve`, { note: '清运改到7:30，清运后冲洗' });
    await call(sec.cookie, `/api/tickets/${t.id}/rate`, { rating: 'satisfied' });
    // A resident's photo and a reminder: steps whose notes are a count and a code.
    await env.ctx.db
      .insertInto('ticket_events')
      .values([
        { community_id: sec.community.id, ticket_id: t.id, action: 'photos_added', actor_label: 'resident', note: '1' },
        { community_id: sec.community.id, ticket_id: t.id, action: 'reminded', actor_label: 'system', note: 'resolution_overdue' },
      ])
      .execute();
    for (let i = 0; i < 4; i++)
      await call(sec.cookie, '/api/tickets', {
        channel: 'phone',
        categoryId: cats[6].id,
        title: `一般诉求${i}`,
        description: `内容${i}`,
        isAnonymous: i % 2 === 0,
      });
  });
  afterAll(async () => env.close());

  it('lists rows with the ledger columns and masked contacts', async () => {
    const page = (await env.app.inject({ url: '/api/ledger?pageSize=2', headers: { cookie: sec.cookie } })).json();
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(2);
    const first = page.items[0];
    expect(first).toMatchObject({ channel: '阵地来访', reporter: '王阿姨', contact: '138****0001', place: '金海花园', satisfaction: '满意', overdue: '否' });
    expect(first.process.split('\n').map((l: string) => l.replace(/^\S+ \S+ /, '').split(/[（：]/)[0])).toEqual([
      '登记',
      '受理',
      '派单',
      '开始办理',
      '办结',
      '回访评价',
      '补充照片 1 张',
      '催办',
    ]);
  });

  it('exports an inspection-ready .xlsx: title, bold bordered header repeated on every page, A4 landscape one page wide, typed dates, words not codes, signature lines', async () => {
    const started = await env.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie: sec.cookie }, payload: {} });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ status: 'running', total: 5, register: 'tickets' });
    await runBackgroundJobs(env.ctx);
    const done = (await env.app.inject({ url: `/api/ledger/exports/${job.id}`, headers: { cookie: sec.cookie } })).json();
    expect(done).toMatchObject({ status: 'done', processed: 5 });
    const file = await env.app.inject({ url: `/api/ledger/exports/${job.id}/file`, headers: { cookie: sec.cookie } });
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('诉求工单台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('诉求工单台账')!;
    expect(sheet.getCell('A1').value).toBe(`${await communityName(env, sec.community.id)} 诉求工单台账`);
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true });
    expect(String(sheet.getCell('A2').value)).toMatch(/^统计期间：全部（截至 \d{4}-\d{2}-\d{2}）/);
    const header = sheet.getRow(3);
    expect((header.values as unknown[]).slice(1)).toEqual(['序号', ...ledgerColumns.map(([, h]) => h)]);
    expect(header.getCell(2).font).toMatchObject({ bold: true });
    expect(header.getCell(2).border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(sheet.headerFooter.oddFooter).toContain('&P');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const col = (key: string) => ledgerColumns.findIndex(([k]) => k === key) + 2;
    expect(sheet.getColumn(col('description')).width).toBeGreaterThan(15);
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(col('raisedAt')).value).toBeInstanceOf(Date);
    expect(first.getCell(col('raisedAt')).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(col('process')).alignment).toMatchObject({ wrapText: true });
    expect(first.getCell(col('process')).border).toMatchObject({ top: { style: 'thin' } });
    const process = String(first.getCell(col('process')).value);
    expect(process).toContain('补充照片 1 张');
    expect(process).toContain('催办：办结已超期');
    expect(process).not.toMatch(/photos_added|resolution_overdue|reminded/);
    const sign = JSON.stringify(sheet.getRow(4 + 5 + 1).values);
    expect(sign).toContain('经办人');
    expect(sign).toContain('审核人');
    expect(sign).toContain('日期');
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13893100001');
    expect(text).toContain('匿名');
    // The ledger page shows the same words.
    const page = (await env.app.inject({ url: '/api/ledger?pageSize=1', headers: { cookie: sec.cookie } })).json();
    expect(page.items[0].process).toContain('补充照片 1 张');

    const other = await actorIn(env, 'secretary');
    expect((await env.app.inject({ url: `/api/ledger/exports/${job.id}/file`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    const audit = await env.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'ledger_export').execute();
    expect(audit).toEqual([{ action: 'ledger.exported' }]);
  });

  it('exports more than one batch in ticket order, each timeline on its own row, with the header frozen', async () => {
    const big = await actorIn(env, 'secretary');
    const [cat] = await ensureCategories(env.ctx, trustedCommunityId(big.community.id));
    const n = 2100;
    const due = new Date(Date.now() + 86_400_000);
    const rows = Array.from({ length: n }, (_, k) => ({
      community_id: big.community.id,
      code: `LT${k}`,
      channel: 'phone',
      category_id: cat!.id,
      status: k % 700 === 5 ? 'merged' : 'submitted',
      title: `诉求${k}`,
      description: `内容${k}`,
      response_due_at: due,
      resolution_due_at: due,
      // One ticket raised just after midnight Beijing time and left without an answer past its deadline.
      ...(k === 7 ? { created_at: new Date('2026-03-01T16:30:00Z'), response_due_at: new Date('2026-03-02T16:30:00Z') } : {}),
    }));
    const ids: number[] = [];
    for (let i = 0; i < n; i += 500) {
      ids.push(
        ...(
          await env.ctx.db
            .insertInto('tickets')
            .values(rows.slice(i, i + 500))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    }
    // Timelines on tickets in the first, second and third batch.
    for (const k of [0, 1500, 2099]) {
      await env.ctx.db
        .insertInto('ticket_events')
        .values({ community_id: big.community.id, ticket_id: ids[k]!, action: 'accept', from_status: 'submitted', to_status: 'accepted', note: `受理${k}` })
        .execute();
    }
    const job = (await env.app.inject({ method: 'POST', url: '/api/ledger/exports', headers: { cookie: big.cookie }, payload: {} })).json();
    await runBackgroundJobs(env.ctx);
    expect((await env.app.inject({ url: `/api/ledger/exports/${job.id}`, headers: { cookie: big.cookie } })).json()).toMatchObject({
      status: 'done',
      total: n - 3,
      processed: n - 3,
    });
    const file = await env.app.inject({ url: `/api/ledger/exports/${job.id}/file`, headers: { cookie: big.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('诉求工单台账')!;
    expect(sheet.actualRowCount).toBe(3 + n - 3 + 1);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.autoFilter).toBe(`A3:${String.fromCharCode(65 + ledgerColumns.length)}3`);
    const codes = sheet.getColumn(2).values.slice(4, 4 + n - 3) as string[];
    expect(codes).toEqual(rows.map((r) => r.code).filter((_, k) => k % 700 !== 5));
    const processCol = ledgerColumns.findIndex(([key]) => key === 'process') + 2;
    const processOf = (code: string) => String(sheet.getRow(codes.indexOf(code) + 4).getCell(processCol).value ?? '');
    expect(processOf('LT1500')).toMatch(/受理：受理1500$/);
    expect(processOf('LT2099')).toMatch(/受理：受理2099$/);
    expect(processOf('LT1')).toBe('');
    const cellOf = (code: string, key: string) => sheet.getRow(codes.indexOf(code) + 4).getCell(ledgerColumns.findIndex(([k]) => k === key) + 2).value;
    // Beijing wall time, as a real date.
    expect([cellOf('LT7', 'raisedAt'), cellOf('LT7', 'overdue'), cellOf('LT8', 'overdue')]).toEqual([new Date(Date.UTC(2026, 2, 2, 0, 30)), '是', '否']);
    expect(sheet.getRow(4).getCell(1).value).toBe(1);
    expect(sheet.getRow(3 + n - 3).getCell(1).value).toBe(n - 3);
  });
});
