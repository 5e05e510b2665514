import crypto from 'node:crypto';
import type { Measure } from './run.js';
import { actorIn, createTestEnv } from '../apps/api/test/harness.js';
import { ensureCategories, findDuplicates, listTickets } from '../apps/api/src/modules/tickets/tickets.service.js';
import { tokenize } from '../apps/api/src/platform/text/segment.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';

const phrases = ['垃圾中转站异味', '楼道堆放杂物', '电梯困人', '水管漏水', '夜间施工噪音', '路灯不亮', '停车位被占', '飞线充电', '树枝遮挡采光', '下水道堵塞', '健身器材损坏', '楼顶漏雨'];
const places = ['1号楼', '2号楼', '3号楼', '西门', '北门', '地下车库', '二单元', '楼道'];

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

/** Duplicate suggestion and search latency over a community's open tickets (BENCH_OPEN_TICKETS, default 2,000). */
export async function run(): Promise<Measure[]> {
  const n = Number(process.env.BENCH_OPEN_TICKETS ?? 2000);
  const env = await createTestEnv();
  try {
    const { community, account } = await actorIn(env, 'secretary');
    const [cat] = await ensureCategories(env.ctx, community.id);
    const rows = [];
    for (let i = 0; i < n; i++) {
      const text = `${places[i % places.length]}${phrases[(i * 7) % phrases.length]}，第${i}次反映`;
      rows.push({
        community_id: community.id, code: `B${i}`, channel: 'phone', category_id: cat!.id, status: 'submitted', title: text.slice(0, 20), description: text,
        compound_id: null, building_id: null, address_text: null, reporter_resident_id: null, reporter_name: null, reporter_phone_enc: null,
        reporter_phone_masked: null, reporter_phone_hash: null, meeting_title: null, assignee_kind: null, assignee_id: null, escalated_to_partner_id: null,
        escalation_due_at: null, response_due_at: new Date(), resolution_due_at: new Date(), first_response_at: null, resolved_at: null, closed_at: null,
        close_reason: null, merged_into_id: null, rating: null, rating_comment: null, rated_at: null, result_text: null, created_by: null, tokens: tokenize(text).join(' '),
      });
      if (rows.length === 500) await env.ctx.db.insertInto('tickets').values(rows.splice(0)).execute();
    }
    if (rows.length) await env.ctx.db.insertInto('tickets').values(rows).execute();
    const actor: Actor = { accountId: account.id, role: 'secretary', displayName: 'bench', communityId: community.id, subdistrictId: community.subdistrictId, scope: [community.id], requestId: crypto.randomUUID(), locale: 'zh-CN' };
    const dup: number[] = [];
    const search: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await findDuplicates(env.ctx, actor, { text: `${places[i % places.length]}的${phrases[i % phrases.length]}很严重` });
      dup.push(performance.now() - t0);
      const t1 = performance.now();
      await listTickets(env.ctx, actor, { q: phrases[i % phrases.length]!.slice(0, 4), page: 1, pageSize: 20, order: 'desc' });
      search.push(performance.now() - t1);
    }
    const e = env.ctx.engine;
    return [
      { name: `duplicates_p50_${n}_open_${e}`, value: Math.round(p(dup, 0.5) * 10) / 10, unit: 'ms' },
      { name: `duplicates_p95_${n}_open_${e}`, value: Math.round(p(dup, 0.95) * 10) / 10, unit: 'ms' },
      { name: `search_p95_${n}_tickets_${e}`, value: Math.round(p(search, 0.95) * 10) / 10, unit: 'ms' },
    ];
  } finally {
    await env.close();
  }
}
