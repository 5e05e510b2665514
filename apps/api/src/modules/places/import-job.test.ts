import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { runBackgroundJobs } from '../../../test/jobs.js';
import { commitImport, uploadRoster } from './import.service.js';
import type { Actor } from '../../platform/access/actor.js';

describe('roster import as a background job', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());

  it('is queued with the commit, shows its progress from the job row, and is harmless when its job runs again after a crash', async () => {
    const sec = await actorIn(env, 'secretary');
    const compound = await env.ctx.db
      .insertInto('compounds')
      .values({ community_id: sec.community.id, name: '金海花园', address: null, grid_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.ctx.db.insertInto('buildings').values({ community_id: sec.community.id, compound_id: compound.id, name: '1号楼', floors: 6 }).execute();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名*', '性别', '出生日期', '手机号', '身份证号', '小区*', '楼栋*', '单元*', '房号*', '与户主关系', '本地户籍', '标签', '备注']);
    for (let i = 0; i < 3; i++) ws.addRow([`居民${i}`, '女', '', '', '', '金海花园', '1号楼', '1单元', `10${i}`, '', '', '', '']);
    const actor: Actor = {
      accountId: sec.account.id,
      role: 'secretary',
      displayName: 'sec',
      communityId: sec.community.id,
      subdistrictId: sec.community.subdistrictId,
      scope: [sec.community.id],
      requestId: null,
      locale: 'zh-CN',
    };
    const job = await uploadRoster(env.ctx, actor, { fileName: 'r.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    const committed = await commitImport(env.ctx, actor, job.id);
    expect(committed).toMatchObject({ status: 'importing', processedRows: 0 });
    const row = () =>
      env.ctx.db
        .selectFrom('background_jobs')
        .selectAll()
        .where('kind', '=', 'places.roster-import')
        .where('subject_id', '=', job.id)
        .executeTakeFirstOrThrow();
    expect(await row()).toMatchObject({ status: 'queued', total: 3, actor_id: sec.account.id, community_id: sec.community.id });
    // What another process would show while the job runs: the job row's progress.
    await env.ctx.db.updateTable('background_jobs').set({ progress: 2 }).where('subject_id', '=', job.id).execute();
    expect((await env.app.inject({ url: `/api/imports/${job.id}`, headers: { cookie: sec.cookie } })).json()).toMatchObject({
      status: 'importing',
      processedRows: 2,
    });

    expect(await runBackgroundJobs(env.ctx)).toBe(1);
    const residents = () => env.ctx.db.selectFrom('residents').select('id').where('community_id', '=', sec.community.id).execute();
    expect(await residents()).toHaveLength(3);
    expect(await row()).toMatchObject({ status: 'done', progress: 3 });
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'request_id'])
      .where('action', '=', 'import.committed')
      .where('entity_id', '=', String(job.id))
      .execute();
    expect(audit).toEqual([{ actor_id: sec.account.id, request_id: null }]);

    // Its process died after the import committed but before the job row said so: the job runs again and does nothing.
    await env.ctx.db
      .updateTable('background_jobs')
      .set({ status: 'running', locked_by: 'dead-process', locked_until: new Date(Date.now() - 1000) })
      .where('subject_id', '=', job.id)
      .execute();
    expect(await runBackgroundJobs(env.ctx)).toBe(1);
    expect(await residents()).toHaveLength(3);
    expect(await row()).toMatchObject({ status: 'done', attempts: 2 });
    expect((await env.app.inject({ url: `/api/imports/${job.id}`, headers: { cookie: sec.cookie } })).json()).toMatchObject({
      status: 'done',
      importedRows: 3,
      processedRows: 3,
    });
  });
});
