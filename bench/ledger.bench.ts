import crypto from 'node:crypto';
import type { Measure } from './run.js';
import { actorIn, createTestEnv } from '../apps/api/test/harness.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/tickets.service.js';
import { startLedgerExport, waitForLedgerExport } from '../apps/api/src/modules/tickets/ledger.service.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';

/** Ledger export of BENCH_LEDGER_ROWS tickets (default 100,000): wall time and peak RSS of this process while it runs. */
export async function run(): Promise<Measure[]> {
  const n = Number(process.env.BENCH_LEDGER_ROWS ?? 100_000);
  const env = await createTestEnv();
  try {
    const { community, account } = await actorIn(env, 'secretary');
    const cats = await ensureCategories(env.ctx, community.id);
    const day = 86_400_000;
    const start = Date.now() - 365 * day;
    for (let i = 0; i < n; i += 1000) {
      const rows = [];
      for (let k = i; k < Math.min(n, i + 1000); k++) {
        const created = new Date(start + (k / n) * 360 * day);
        rows.push({
          community_id: community.id, code: `LB${k}`, channel: k % 3 ? 'walk_in' : 'online', category_id: cats[k % cats.length]!.id, status: 'closed',
          title: `第${k}号诉求`, description: `居民反映楼道堆物、噪音或漏水等问题，第${k}件`, compound_id: null, building_id: null, address_text: '1号楼',
          reporter_resident_id: null, reporter_name: '居民', reporter_phone_enc: null, reporter_phone_masked: '138****0000', reporter_phone_hash: null,
          meeting_title: null, assignee_kind: null, assignee_id: null, escalated_to_partner_id: null, escalation_due_at: null,
          response_due_at: new Date(created.getTime() + 2 * 3600_000), resolution_due_at: new Date(created.getTime() + 7 * day),
          first_response_at: new Date(created.getTime() + 3600_000), resolved_at: new Date(created.getTime() + day), closed_at: new Date(created.getTime() + 2 * day),
          close_reason: 'rated', merged_into_id: null, rating: 'satisfied', rating_comment: null, rated_at: new Date(created.getTime() + 2 * day),
          result_text: '已处理', created_by: null, created_at: created,
        });
      }
      await env.ctx.db.insertInto('tickets').values(rows).execute();
    }
    const actor: Actor = { accountId: account.id, role: 'secretary', displayName: 'bench', communityId: community.id, subdistrictId: community.subdistrictId, scope: [community.id], requestId: crypto.randomUUID(), locale: 'zh-CN' };
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    let peak = baseRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const job = await startLedgerExport(env.ctx, actor, {});
    await waitForLedgerExport(job.id);
    const ms = performance.now() - t0;
    clearInterval(sampler);
    const done = await env.ctx.db.selectFrom('ledger_exports').select(['status', 'processed']).where('id', '=', job.id).executeTakeFirstOrThrow();
    if (done.status !== 'done' || done.processed !== n) throw new Error(`export ${done.status} ${done.processed}/${n}`);
    const e = env.ctx.engine;
    return [
      { name: `ledger_export_${n}_${e}`, value: Math.round(ms), unit: 'ms' },
      { name: `ledger_export_${n}_peak_rss_${e}`, value: Math.round(peak / 1048576), unit: 'MB' },
      { name: `ledger_export_${n}_rss_growth_${e}`, value: Math.round((peak - baseRss) / 1048576), unit: 'MB' },
    ];
  } finally {
    await env.close();
  }
}
