import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Measure } from './run.js';
import { createTestEnv, actorIn } from '../apps/api/test/harness.js';
import { commitImport, uploadRoster } from '../apps/api/src/modules/places/index.js';
import { runBackgroundJobs } from '../apps/api/test/jobs.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';

/** Peak RSS of this process while `fn` runs (sampled every 10 ms), in MB; PGlite runs inside it, PostgreSQL does not. */
async function withPeak<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Roster import of 10,000 rows through the service, on the engine under test: the preview (every rule, the matching
 * against registered residents) and the commit of a fresh roster, then the preview and commit of the same roster again
 * (every row matched, nothing created). Time and the peak memory of the process.
 */
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
    // Every third row carries an ID number, unique per row, with its check digit, agreeing with the birth date and sex.
    const idOf = (i: number, male: boolean) => {
      const body = `${620000 + (i % 10_000)}19600101${String(Math.floor(i / 10_000) % 100).padStart(2, '0')}${male ? 1 : 2}`;
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      const sum = [...body].reduce((acc, d, k) => acc + Number(d) * w[k]!, 0);
      return body + '10X98765432'[sum % 11]!;
    };
    for (let i = 0; i < rows; i++) {
      ws.addRow([
        `居民${i}`,
        i % 2 ? '男' : '女',
        '1960-01-01',
        `139${String(i).padStart(8, '0')}`,
        i % 3 ? '' : idOf(i, i % 2 === 1),
        '基准小区',
        `${(i % 20) + 1}号楼`,
        `${(i % 4) + 1}单元`,
        String(100 + (i % 250)),
        i % 5 ? '' : '户主',
        '是',
        i % 7 ? '' : '独居老人、低保户',
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
    global.gc?.();
    const restMb = process.memoryUsage().rss / 2 ** 20;
    const preview = await withPeak(() => uploadRoster(env.ctx, actor, { fileName: 'bench.xlsx', data }));
    const job = preview.value;
    if (job.errorRows !== 0 || job.createdRows !== rows) throw new Error(`preview: ${job.errorRows} rows in error, ${job.createdRows} to create`);
    const commit = await withPeak(async () => {
      await commitImport(env.ctx, actor, job.id);
      await runBackgroundJobs(env.ctx);
    });
    const count = async () =>
      Number(
        (
          await env.ctx.db
            .selectFrom('residents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    if ((await count()) !== rows) throw new Error(`imported ${await count()} of ${rows}`);
    const again = await withPeak(() => uploadRoster(env.ctx, actor, { fileName: 'bench.xlsx', data }));
    if (again.value.unchangedRows !== rows) throw new Error(`re-import: ${again.value.unchangedRows} unchanged of ${rows}`);
    const recommit = await withPeak(async () => {
      await commitImport(env.ctx, actor, again.value.id);
      await runBackgroundJobs(env.ctx);
    });
    if ((await count()) !== rows) throw new Error(`re-import created residents: ${await count()}`);
    const engine = env.ctx.engine;
    const n = `roster_import_${rows}`;
    return [
      { name: `${n}_preview_${engine}`, value: Math.round(preview.ms), unit: 'ms' },
      { name: `${n}_commit_${engine}`, value: Math.round(commit.ms), unit: 'ms' },
      { name: `${n}_total_${engine}`, value: Math.round(preview.ms + commit.ms), unit: 'ms' },
      { name: `${n}_reimport_preview_${engine}`, value: Math.round(again.ms), unit: 'ms' },
      { name: `${n}_reimport_commit_${engine}`, value: Math.round(recommit.ms), unit: 'ms' },
      { name: `${n}_rss_before_${engine}`, value: Math.round(restMb), unit: 'MB' },
      { name: `${n}_preview_peak_rss_${engine}`, value: Math.round(preview.peakMb), unit: 'MB' },
      { name: `${n}_commit_peak_rss_${engine}`, value: Math.round(commit.peakMb), unit: 'MB' },
    ];
  } finally {
    await env.close();
  }
}
