import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatImportError, rosterColumns } from '@linli/contracts';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { runBackgroundJobs } from '../../../test/jobs.js';

// Issue 8 item 1: the roster import without surprises, through the HTTP API on the engine under test.

/** An 18-digit ID number with its check digit: region 620102, the birth date, and a sex digit (odd = male). */
function idOf(birth: string, male: boolean, seq = 1): string {
  const body = `620102${birth.replace(/-/g, '')}${String(seq).padStart(2, '0')}${male ? 1 : 2}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

type Row = Partial<Record<(typeof rosterColumns)[number]['key'], string>>;

describe('roster import (issue 8.1)', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    env.app.inject({ method, url, headers: { cookie: sec.cookie }, ...(payload ? { payload } : {}) });

  async function sheet(rows: Row[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(rosterColumns.map((c) => c.header));
    for (const r of rows) ws.addRow(rosterColumns.map((c) => ({ compound: '金海花园', building: '1号楼', unit: '1单元', room: '101', ...r })[c.key] ?? ''));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = async (data: Buffer) => {
    const boundary = '----linli' + Math.random().toString(16).slice(2);
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/residents/import',
      headers: { cookie: sec.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const commit = async (id: number) => {
    expect((await call('POST', `/api/imports/${id}/commit`)).statusCode).toBe(202);
    await runBackgroundJobs(env.ctx);
    return (await call('GET', `/api/imports/${id}`)).json();
  };
  const residents = () =>
    env.ctx.db.selectFrom('residents').select(['id', 'name', 'tags', 'relation', 'household_id']).where('community_id', '=', sec.community.id).execute();
  const rules = (job: { errors: Array<{ row: number; field: string; rule: string }> }) => job.errors.map((e) => `${e.row}:${e.field}:${e.rule}`);

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    const compoundId = (await call('POST', '/api/compounds', { name: '金海花园' })).json().id;
    await call('POST', '/api/buildings', { compoundId, name: '1号楼', floors: 6 });
  });
  afterAll(async () => env.close());

  it('reports every error of every row, naming the row, the column, the value and the rule in both languages', async () => {
    const job = await upload(
      await sheet([
        { name: '马兰', gender: '未知', birthDate: '1980/13/01', phone: '1389310' },
        { name: '', room: '' },
      ]),
    );
    expect(rules(job)).toEqual(['2:gender:not_in_list', '2:birthDate:invalid_date', '2:phone:invalid_phone', '3:name:required', '3:room:required']);
    expect(job).toMatchObject({ totalRows: 2, validRows: 0, errorRows: 2 });
    const date = job.errors.find((e: { field: string }) => e.field === 'birthDate');
    expect(formatImportError('zh-CN', date)).toBe('第 2 行 · 出生日期“1980/13/01”：出生日期不是有效的日期（如 1948-03-12）');
    expect(formatImportError('en', date)).toBe('Row 2 · Date of birth "1980/13/01": Date of birth is not a real date (e.g. 1948-03-12)');
    // A phone number in an error is masked: the errors are stored in the clear.
    expect(job.errors.find((e: { field: string }) => e.field === 'phone').value).toBe('138****9310');
  });

  it('checks ID numbers: the check digit, and agreement with the birth date and the sex; a blank birth date and sex come from it', async () => {
    const good = idOf('1956-04-09', false);
    const badDigit = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const job = await upload(
      await sheet([
        { name: '甲', idCard: badDigit, room: '201' },
        { name: '乙', idCard: idOf('1956-04-09', true), birthDate: '1956-04-10', gender: '女', room: '202' },
        { name: '丙', idCard: good, room: '203' },
      ]),
    );
    expect(rules(job)).toEqual(['2:idCard:invalid_id_card', '3:idCard:id_card_birth_mismatch', '3:idCard:id_card_gender_mismatch']);
    expect(job.errors[1].params).toEqual({ expected: '1956-04-09' });
    expect(job.errors[0].value).toMatch(/^6201\*+\d{3}[\dX]$/);
    expect(await commit(job.id)).toMatchObject({ status: 'done', createdRows: 1 });
    const row = await env.ctx.db.selectFrom('residents').select(['gender', 'birth_date']).where('name', '=', '丙').executeTakeFirstOrThrow();
    expect(row).toEqual({ gender: 'female', birth_date: '1956-04-09' });
  });

  it('takes tags from the community dictionary (低保户 included), names a tag it does not know, and checks relations and household types', async () => {
    const job = await upload(
      await sheet([
        { name: '丁', tags: '低保户、独居老人、空巢老人', relation: '户主', householdType: '人户分离户', room: '301' },
        { name: '戊', tags: '低保户、五保户', relation: '表舅', householdType: '别墅户', room: '302' },
      ]),
    );
    expect(rules(job)).toEqual(['3:relation:not_in_list', '3:householdType:not_in_list', '3:tags:unknown_tag']);
    expect(job.errors[2]).toMatchObject({ value: '低保户、五保户', params: { tag: '五保户' } });
    expect(formatImportError('zh-CN', job.errors[2])).toContain('“五保户”不在本社区的标签字典中');
    await call('POST', `/api/imports/${job.id}/discard`);

    // The community adds 五保户 to its dictionary (sensitive: it is about income): the same row passes.
    const added = await call('POST', '/api/resident-tags', { labelZh: '五保户', labelEn: 'Five guarantees', sensitive: true });
    expect(added.statusCode).toBe(201);
    expect((await call('POST', '/api/resident-tags', { labelZh: '低保户', labelEn: 'x' })).statusCode).toBe(400);
    const dict = (await call('GET', '/api/resident-tags')).json().items;
    expect(dict.map((t: { labelZh: string }) => t.labelZh)).toEqual(
      expect.arrayContaining(['低保户', '残疾人', '退役军人', '留守儿童', '失业人员', '高龄老人', '困难家庭', '五保户']),
    );
    const again = await upload(await sheet([{ name: '戊', tags: '低保户、五保户', relation: '配偶', householdType: '户籍户', room: '302' }]));
    expect(again.errors).toEqual([]);
    expect(await commit(again.id)).toMatchObject({ status: 'done', createdRows: 1 });
    const id = (await residents()).find((r) => r.name === '戊')!.id;
    expect((await call('GET', `/api/residents/${id}/pii`)).json().sensitiveTags).toEqual(['low_income', added.json().code]);
    const household = await env.ctx.db.selectFrom('households').select('household_type').where('room_no', '=', '302').executeTakeFirstOrThrow();
    expect(household.household_type).toBe('户籍户');
    // The resident form takes the same dictionary: the community's own code where it belongs, nothing unknown.
    const code = added.json().code as string;
    expect((await call('POST', '/api/residents', { name: '己', sensitiveTags: [code] })).statusCode).toBe(201);
    for (const body of [{ tags: [code] }, { tags: ['no_such_tag'] }, { sensitiveTags: ['living_alone'] }]) {
      const res = await call('POST', '/api/residents', { name: '庚', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({ rule: 'invalid_option' });
    }
  });

  it('matches a re-import to the residents already registered: created, updated, unchanged, in error; nothing twice', async () => {
    const rows: Row[] = [
      { name: '张桂兰', idCard: idOf('1948-03-12', false, 7), phone: '13893100001', room: '401', tags: '高龄老人' },
      { name: '李建国', birthDate: '1951-07-01', gender: '男', room: '402' },
      { name: '王芳', birthDate: '1983-02-02', room: '403' },
    ];
    const first = await upload(await sheet(rows));
    expect(first).toMatchObject({ createdRows: 3, updatedRows: 0, unchangedRows: 0, errorRows: 0 });
    expect(await commit(first.id)).toMatchObject({ status: 'done', createdRows: 3, importedRows: 3 });
    const before = (await residents()).length;

    const second = await upload(
      await sheet([rows[0]!, { ...rows[1]!, phone: '13893100002' }, rows[2]!, { name: '赵六', birthDate: '1990-02-30', room: '404' }]),
    );
    expect(second).toMatchObject({ createdRows: 0, updatedRows: 1, unchangedRows: 2, errorRows: 1 });
    expect(rules(second)).toEqual(['5:birthDate:invalid_date']);
    expect(await commit(second.id)).toMatchObject({ status: 'done', createdRows: 0, updatedRows: 1, unchangedRows: 2 });
    expect((await residents()).length).toBe(before);
    const li = (await residents()).find((r) => r.name === '李建国')!;
    expect((await call('GET', `/api/residents/${li.id}/pii`)).json().phone).toBe('13893100002');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'resident.updated')
      .where('entity_id', '=', String(li.id))
      .execute();
    expect(audit[0]!.changes).toMatchObject({ phone: '(changed)', importId: second.id });

    // Twice the same person in one file is an error, not two residents.
    const twice = await upload(await sheet([rows[2]!, rows[2]!]));
    expect(rules(twice)).toEqual(['3:name:duplicate_in_file']);
  });

  it('downloads the rows in error as a workbook with an error column, which uploads again once fixed', async () => {
    const job = await upload(
      await sheet([
        { name: '孙七', birthDate: '1980/13/01', room: '501' },
        { name: '周八', room: '502' },
      ]),
    );
    const file = await call('GET', `/api/imports/${job.id}/errors.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2);
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header.slice(-3)).toEqual(['错误说明', 'Errors', '原行号']);
    const errCol = header.indexOf('错误说明') + 1;
    expect(ws.getRow(2).getCell(errCol).value).toBe('第 2 行 · 出生日期“1980/13/01”：出生日期不是有效的日期（如 1948-03-12）');
    ws.getRow(2).getCell(header.indexOf('出生日期') + 1).value = '1980-12-01';
    const fixed = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(fixed).toMatchObject({ errors: [], validRows: 1, createdRows: 1 });
    // Another community's import answers 404.
    const other = await actorIn(env, 'secretary');
    expect((await env.app.inject({ url: `/api/imports/${job.id}/errors.xlsx`, headers: { cookie: other.cookie } })).statusCode).toBe(404);
  });

  it('is all or nothing: when a place the preview found is gone at commit, nothing is written and the job says why', async () => {
    const job = await upload(
      await sheet([
        { name: '吴九', room: '601' },
        { name: '郑十', room: '602' },
      ]),
    );
    expect(job.errors).toEqual([]);
    const count = (await residents()).length;
    await env.ctx.db.updateTable('buildings').set({ name: '1号楼（拆除）' }).where('community_id', '=', sec.community.id).execute();
    const done = await commit(job.id);
    expect(done).toMatchObject({ status: 'failed', failureReason: 'place_changed', importedRows: 0 });
    expect((await residents()).length).toBe(count);
    await env.ctx.db.updateTable('buildings').set({ name: '1号楼' }).where('community_id', '=', sec.community.id).execute();
  });
});
