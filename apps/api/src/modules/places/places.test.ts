import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, buildAccount, buildCommunity, createTestEnv, loginAs, type TestEnv } from '../../../test/harness.js';
import { runBackgroundJobs } from '../../../test/jobs.js';

type Cookie = { cookie: string };

describe('places and residents', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let compoundId: number;
  let buildingId: number;
  let householdId: number;

  const call = (who: Cookie, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    env.app.inject({ method, url, headers: { cookie: who.cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    compoundId = (await call(sec, 'POST', '/api/compounds', { name: '金海花园', address: '敦煌路 1 号' })).json().id;
    buildingId = (await call(sec, 'POST', '/api/buildings', { compoundId, name: '1号楼', floors: 18 })).json().id;
    const unitId = (await call(sec, 'POST', '/api/units', { buildingId, name: '2单元' })).json().id;
    householdId = (await call(sec, 'POST', '/api/households', { unitId, roomNo: '301' })).json().id;
  });
  afterAll(async () => env.close());

  it('walks the tree with counts and labels', async () => {
    const compounds = (await call(sec, 'GET', '/api/compounds')).json().items;
    expect(compounds).toEqual([expect.objectContaining({ name: '金海花园', buildingCount: 1, householdCount: 1 })]);
    const units = (await call(sec, 'GET', `/api/units?buildingId=${buildingId}`)).json().items;
    expect(units).toEqual([expect.objectContaining({ name: '2单元', householdCount: 1 })]);
    const households = (await call(sec, 'GET', `/api/households?unitId=${units[0].id}`)).json().items;
    expect(households[0].label).toBe('金海花园 1号楼 2单元 301');
    const communities = (await call(sec, 'GET', '/api/communities')).json().items;
    expect(communities).toHaveLength(1);
    expect(communities[0].stats).toEqual({ compounds: 1, households: 1, residents: 0 });
  });

  it('refuses a duplicate compound name naming the field', async () => {
    const res = await call(sec, 'POST', '/api/compounds', { name: '金海花园' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'name', rule: 'taken' });
  });

  it('stores phone and ID encrypted, masks them in lists, logs every full view', async () => {
    const created = await call(sec, 'POST', '/api/residents', {
      householdId,
      name: '王秀英',
      gender: 'female',
      birthDate: '1941-05-06',
      phone: '13893112345',
      idCard: '11010519491231002X',
      tags: ['living_alone', 'advanced_age'],
      sensitiveTags: ['low_income'],
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      phoneMasked: '138****2345',
      idCardMasked: '1101**********002X',
      address: '金海花园 1号楼 2单元 301',
      tags: ['living_alone', 'advanced_age'],
    });
    expect(JSON.stringify(r)).not.toContain('13893112345');

    const raw = await env.ctx.db.selectFrom('residents').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain('13893112345');
    expect(JSON.stringify(raw)).not.toContain('low_income');

    const list = (await call(sec, 'GET', '/api/residents?q=王秀英')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].phoneMasked).toBe('138****2345');
    expect((await call(sec, 'GET', '/api/residents?q=13893112345')).json().total).toBe(1);

    const pii = await call(sec, 'GET', `/api/residents/${r.id}/pii`);
    expect(pii.json()).toEqual({ id: r.id, phone: '13893112345', idCard: '11010519491231002X', sensitiveTags: ['low_income'] });
    const log = (await call(sec, 'GET', `/api/access-log?entityType=resident&entityId=${r.id}`)).json().items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ fields: ['phone', 'idCard', 'sensitiveTags'], actorId: sec.account.id });

    const audit = (await call(sec, 'GET', `/api/audit?entityType=resident&entityId=${r.id}`)).json().items;
    expect(audit[0]).toMatchObject({ action: 'resident.created' });
    expect(JSON.stringify(audit)).not.toContain('13893112345');
  });

  it('audits edits with a diff and archives with a reason', async () => {
    const r = (await call(sec, 'POST', '/api/residents', { householdId, name: '李建国', phone: '13900000001' })).json();
    const edited = await call(sec, 'PATCH', `/api/residents/${r.id}`, { name: '李建国', notes: '腿脚不便', phone: '13900000002' });
    expect(edited.json()).toMatchObject({ notes: '腿脚不便', phoneMasked: '139****0002' });
    const archived = await call(sec, 'POST', `/api/residents/${r.id}/archive`, { reason: '搬离本社区' });
    expect(archived.json().archivedAt).not.toBeNull();
    expect((await call(sec, 'POST', `/api/residents/${r.id}/archive`, { reason: '再次' })).json().error.code).toBe('INVALID_STATE');
    const audit = (await call(sec, 'GET', `/api/audit?entityType=resident&entityId=${r.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['resident.archived', 'resident.updated', 'resident.created']);
    expect(audit[1].changes).toEqual({ notes: { from: null, to: '腿脚不便' }, phone: '(changed)' });
    expect(audit[0].reason).toBe('搬离本社区');
    expect((await call(sec, 'GET', '/api/residents?q=李建国')).json().total).toBe(0);
  });

  it('names bad fields in validation errors and writes nothing', async () => {
    const before = (await call(sec, 'GET', '/api/residents?pageSize=1')).json().total;
    const res = await call(sec, 'POST', '/api/residents', { name: '', phone: '12345', idCard: '110105194912310021' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string; rule: string }) => `${f.field}:${f.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['name:required', 'phone:invalid_phone', 'idCard:invalid_id_card']));
    expect(res.json().error.message).toContain('手机号不是有效的手机号');
    expect((await call(sec, 'GET', '/api/residents?pageSize=1')).json().total).toBe(before);
  });

  it('hides personal data from roles that do not need it, and other communities get 404', async () => {
    const r = (await call(sec, 'POST', '/api/residents', { householdId, name: '赵大爷', phone: '13700000003' })).json();
    const headAccount = await buildAccount(env.ctx, { role: 'building_head', communityId: sec.community.id });
    const head = { cookie: await loginAs(env.app, headAccount.username) };
    // A building head reads only the buildings they look after: none yet, then this one.
    expect((await call(head, 'GET', `/api/residents/${r.id}`)).statusCode).toBe(404);
    expect((await call(sec, 'PUT', `/api/buildings/${buildingId}/heads`, { heads: [{ accountId: headAccount.id }] })).statusCode).toBe(200);
    expect((await call(head, 'GET', `/api/residents/${r.id}`)).statusCode).toBe(200);
    const refused = await call(head, 'GET', `/api/residents/${r.id}/pii`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const other = await actorIn(env, 'social_worker');
    for (const [method, url, body] of [
      ['GET', `/api/residents/${r.id}`],
      ['GET', `/api/residents/${r.id}/pii`],
      ['PATCH', `/api/residents/${r.id}`, { notes: 'x' }],
      ['GET', `/api/compounds/${compoundId}`],
      ['GET', `/api/buildings?compoundId=${compoundId}`],
    ] as const) {
      const res = await call(other, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call(other, 'GET', `/api/residents?communityId=${sec.community.id}`)).statusCode).toBe(404);
    const views = await env.ctx.db.selectFrom('pii_access_log').select('actor_id').where('entity_id', '=', String(r.id)).execute();
    expect(views).toEqual([]);
  });

  it('lets a subdistrict admin see the communities of their subdistrict only', async () => {
    const sibling = await buildCommunity(env.ctx, { subdistrictId: sec.community.subdistrictId, name: '兄弟社区' });
    const elsewhere = await buildCommunity(env.ctx, { name: '别处社区' });
    const admin = await actorIn(env, 'subdistrict_admin', sec.community);
    const ids = (await call(admin, 'GET', '/api/communities')).json().items.map((c: { id: number }) => c.id);
    expect(ids.sort()).toEqual([sec.community.id, sibling.id].sort());
    expect((await call(admin, 'GET', `/api/communities/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await call(admin, 'GET', `/api/compounds?communityId=${sec.community.id}`)).json().items).toHaveLength(1);
    expect((await call(admin, 'GET', '/api/compounds')).statusCode).toBe(400);
  });

  describe('roster import', () => {
    async function roster(rows: Array<Record<string, string>>): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('花名册');
      ws.addRow(['姓名*', '性别', '出生日期', '手机号', '身份证号', '小区*', '楼栋*', '单元*', '房号*', '与户主关系', '本地户籍', '标签', '备注']);
      for (const r of rows) {
        ws.addRow([
          r.name,
          r.gender ?? '',
          r.birth ?? '',
          r.phone ?? '',
          r.id ?? '',
          r.compound ?? '金海花园',
          r.building ?? '1号楼',
          r.unit ?? '3单元',
          r.room ?? '101',
          '',
          r.hukou ?? '',
          r.tags ?? '',
          '',
        ]);
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    const upload = (data: Buffer, name = 'roster.xlsx') => {
      const boundary = '----linli' + Math.random().toString(16).slice(2);
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return env.app.inject({
        method: 'POST',
        url: '/api/residents/import',
        headers: { cookie: sec.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };

    it('reports each bad row by number and reason, then imports only the good rows', async () => {
      const file = await roster([
        { name: '陈红', gender: '女', phone: '13512345678', id: '110105194912310021', room: '101' },
        { name: '刘强', phone: '1234', room: '102' },
        { name: '周敏', building: '99号楼', room: '103' },
        { name: '吴刚', id: '320106198001010011', room: '104', tags: '退役军人、低保', hukou: '否' },
        { name: '郑丽', id: '320106198001010011', room: '105' },
      ]);
      const res = await upload(file);
      expect(res.statusCode).toBe(201);
      const job = res.json();
      const byRow = job.errors.map((e: { row: number; field: string; rule: string }) => `${e.row}:${e.field}:${e.rule}`);
      expect(byRow).toEqual(
        expect.arrayContaining(['2:idCard:invalid_id_card', '3:phone:invalid_phone', '4:building:unknown_building', '6:idCard:duplicate_in_file']),
      );
      expect(job).toMatchObject({ status: 'ready', totalRows: 5, validRows: 1, errorRows: 4 });

      const committed = await env.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, headers: { cookie: sec.cookie } });
      expect(committed.statusCode).toBe(202);
      await runBackgroundJobs(env.ctx);
      const done = (await env.app.inject({ url: `/api/imports/${job.id}`, headers: { cookie: sec.cookie } })).json();
      expect(done).toMatchObject({ status: 'done', importedRows: 1, processedRows: 1 });
      const list = (await call(sec, 'GET', '/api/residents?q=吴刚')).json();
      expect(list.items[0]).toMatchObject({ address: '金海花园 1号楼 3单元 104', hukouLocal: false, tags: ['veteran'] });
      const pii = (await call(sec, 'GET', `/api/residents/${list.items[0].id}/pii`)).json();
      expect(pii.sensitiveTags).toEqual(['low_income']);
      expect((await call(sec, 'GET', '/api/residents?q=陈红')).json().total).toBe(0);

      // The same ID number again matches the resident already registered: nothing to create, nothing changed.
      const again = (await upload(await roster([{ name: '吴刚', id: '320106198001010011', room: '104' }]))).json();
      expect(again).toMatchObject({ errors: [], validRows: 1, createdRows: 0, updatedRows: 0, unchangedRows: 1 });
      expect((await env.app.inject({ method: 'POST', url: `/api/imports/${again.id}/discard`, headers: { cookie: sec.cookie } })).json().status).toBe(
        'discarded',
      );
      expect((await env.app.inject({ method: 'POST', url: `/api/imports/${again.id}/commit`, headers: { cookie: sec.cookie } })).statusCode).toBe(409);
    });

    it('round-trips its own template and refuses what is not a roster', async () => {
      const tpl = await env.app.inject({ url: '/api/residents/import/template', headers: { cookie: sec.cookie } });
      expect(tpl.headers['content-type']).toContain('spreadsheetml');
      const job = (await upload(tpl.rawPayload)).json();
      expect(job).toMatchObject({ totalRows: 1, validRows: 1, errors: [] });
      const bad = await upload(Buffer.from('name,phone\n'), 'roster.csv');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: 'BAD_SPREADSHEET', message: '无法读取该表格，请使用下载的模板' });
    });
  });
});
