import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Measure } from './run.js';
import { createTestEnv, actorIn } from '../apps/api/test/harness.js';
import { commitImport, uploadRoster } from '../apps/api/src/modules/places/index.js';
import { runBackgroundJobs } from '../apps/api/test/jobs.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';

/** Roster import of 10,000 rows through the service: validation (upload) and commit, on the engine under test. */
export async function run(): Promise<Measure[]> {
  const rows = Number(process.env.BENCH_ROSTER_ROWS ?? 10_000);
  const env = await createTestEnv();
  try {
    const { community, account } = await actorIn(env, 'secretary');
    const compound = await env.ctx.db
      .insertInto('compounds')
      .values({ community_id: community.id, name: '基准小区', address: null, grid_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let b = 1; b <= 20; b++)
      await env.ctx.db
        .insertInto('buildings')
        .values({ community_id: community.id, compound_id: compound.id, name: `${b}号楼`, floors: 30 })
        .execute();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名*', '性别', '出生日期', '手机号', '身份证号', '小区*', '楼栋*', '单元*', '房号*', '与户主关系', '本地户籍', '标签', '备注']);
    for (let i = 0; i < rows; i++) {
      ws.addRow([
        `居民${i}`,
        i % 2 ? '男' : '女',
        '1960-01-01',
        `139${String(i).padStart(8, '0')}`,
        '',
        '基准小区',
        `${(i % 20) + 1}号楼`,
        `${(i % 4) + 1}单元`,
        String(100 + (i % 250)),
        '',
        '是',
        i % 7 ? '' : '独居老人',
        '',
      ]);
    }
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const actor: Actor = {
      accountId: account.id,
      role: 'secretary',
      displayName: 'bench',
      communityId: community.id,
      subdistrictId: community.subdistrictId,
      scope: [community.id],
      requestId: crypto.randomUUID(),
      locale: 'zh-CN',
    };
    const t0 = performance.now();
    const job = await uploadRoster(env.ctx, actor, { fileName: 'bench.xlsx', data });
    const t1 = performance.now();
    await commitImport(env.ctx, actor, job.id);
    await runBackgroundJobs(env.ctx);
    const t2 = performance.now();
    const n = await env.ctx.db
      .selectFrom('residents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n.n) !== rows) throw new Error(`imported ${n.n} of ${rows}`);
    const engine = env.ctx.engine;
    return [
      { name: `roster_import_${rows}_validate_${engine}`, value: Math.round(t1 - t0), unit: 'ms' },
      { name: `roster_import_${rows}_commit_${engine}`, value: Math.round(t2 - t1), unit: 'ms' },
      { name: `roster_import_${rows}_total_${engine}`, value: Math.round(t2 - t0), unit: 'ms' },
    ];
  } finally {
    await env.close();
  }
}
