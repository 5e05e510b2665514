import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import type { Measure } from './run.js';
import { buildAccount, buildCommunity } from '../apps/api/test/harness.js';
import { freshStorage } from '../e2e/support/server.js';
import { loadConfig } from '../apps/api/src/config.js';
import { bootContext } from '../apps/api/src/boot.js';
import { ensureCategories } from '../apps/api/src/modules/tickets/categories/categories.service.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
// The bench seeds its own communities.
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';

const DAY = 86_400_000;

/**
 * Ledger export of BENCH_LEDGER_ROWS tickets (default 100,000), each with a four-step timeline (BENCH_LEDGER_TIMELINE=0
 * for none): wall time and peak RSS of a fresh process that runs only the export. No ANALYZE after loading, as PGlite
 * never runs one.
 */
export async function run(): Promise<Measure[]> {
  const n = Number(process.env.BENCH_LEDGER_ROWS ?? 100_000);
  const timeline = process.env.BENCH_LEDGER_TIMELINE !== '0';
  const storage = await freshStorage();
  const env = { ...storage.env, LINLI_DEMO: '0', LOG_LEVEL: 'silent' };
  try {
    let actor: Actor;
    const { ctx, database } = await bootContext(loadConfig({ ...process.env, ...env }));
    try {
      const community = await buildCommunity(ctx);
      const account = await buildAccount(ctx, { role: 'secretary', communityId: community.id });
      actor = {
        accountId: account.id,
        role: 'secretary',
        displayName: 'bench',
        communityId: community.id,
        subdistrictId: community.subdistrictId,
        scope: [community.id],
        requestId: crypto.randomUUID(),
        locale: 'zh-CN',
      };
      const cats = await ensureCategories(ctx, trustedCommunityId(community.id));
      const start = Date.now() - 365 * DAY;
      for (let i = 0; i < n; i += 1000) {
        const rows = [];
        for (let k = i; k < Math.min(n, i + 1000); k++) {
          const created = new Date(start + (k / n) * 360 * DAY);
          rows.push({
            community_id: community.id,
            code: `LB${k}`,
            channel: k % 3 ? 'walk_in' : 'online',
            category_id: cats[k % cats.length]!.id,
            status: 'closed',
            title: `第${k}号诉求`,
            description: `居民反映楼道堆物、噪音或漏水等问题，第${k}件`,
            compound_id: null,
            building_id: null,
            address_text: '1号楼',
            reporter_resident_id: null,
            reporter_name: '居民',
            reporter_phone_enc: null,
            reporter_phone_masked: '138****0000',
            reporter_phone_hash: null,
            meeting_title: null,
            assignee_kind: null,
            assignee_id: null,
            escalated_to_partner_id: null,
            escalation_due_at: null,
            response_due_at: new Date(created.getTime() + 2 * 3600_000),
            resolution_due_at: new Date(created.getTime() + 7 * DAY),
            first_response_at: new Date(created.getTime() + 3600_000),
            resolved_at: new Date(created.getTime() + DAY),
            closed_at: new Date(created.getTime() + 2 * DAY),
            close_reason: 'rated',
            merged_into_id: null,
            rating: 'satisfied',
            rating_comment: null,
            rated_at: new Date(created.getTime() + 2 * DAY),
            result_text: '已处理',
            created_by: null,
            created_at: created,
          });
        }
        await ctx.db.insertInto('tickets').values(rows).execute();
      }
      if (timeline) {
        await sql`insert into ticket_events (community_id, ticket_id, action, from_status, to_status, actor_label, note, created_at)
          select t.community_id, t.id, s.action, s.from_status, s.to_status, '何社工', s.note, t.created_at + s.after
          from tickets t cross join (values ('created', null, 'submitted', null, interval '0'), ('accept', 'submitted', 'accepted', null, interval '1 hour'),
            ('resolve', 'in_progress', 'resolved', '已清理楼道杂物，并与物业约定每周巡查', interval '1 day'), ('rate', 'resolved', 'closed', '满意', interval '2 days'))
            as s(action, from_status, to_status, note, after)
          where t.community_id = ${community.id}`.execute(ctx.db);
      }
    } finally {
      await database.close();
    }
    const r = await exportInChild({ ...env, BENCH_ACTOR: JSON.stringify(actor) });
    if (r.processed !== n) throw new Error(`exported ${r.processed} of ${n}`);
    const e = storage.engine;
    return [
      { name: `ledger_export_${n}_${e}`, value: Math.round(r.ms), unit: 'ms' },
      { name: `ledger_export_${n}_peak_rss_${e}`, value: Math.round(r.peakRssMb), unit: 'MB' },
      { name: `ledger_export_${n}_rss_growth_${e}`, value: Math.round(r.peakRssMb - r.baseRssMb), unit: 'MB' },
    ];
  } finally {
    await storage.dispose();
  }
}

/** Runs bench/support/ledger-export.ts under the same loader (tsx) as this process. */
function exportInChild(env: Record<string, string>): Promise<{ ms: number; processed: number; baseRssMb: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, path.join(import.meta.dirname, 'support/ledger-export.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`export process exited with ${code}: ${out}`));
    });
  });
}
