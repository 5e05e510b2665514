import crypto from 'node:crypto';
import type { Measure } from './run.js';
import { buildAccount, buildCommunity } from '../apps/api/test/harness.js';
import { freshStorage } from '../e2e/support/server.js';
import { loadConfig } from '../apps/api/src/config.js';
import { bootContext } from '../apps/api/src/boot.js';
import type { Actor } from '../apps/api/src/platform/access/actor.js';
import { trustedCommunityId } from '../apps/api/src/platform/access/trusted-scope.js';
import { createHelpNeed } from '../apps/api/src/modules/help/help.service.js';
import { suggest } from '../apps/api/src/modules/matching/matching.service.js';
import { refreshMatchIndex } from '../apps/api/src/modules/matching/index.js';

/**
 * Matching suggestions over BENCH_MATCH_RESOURCES resources (default 10,000) and BENCH_MATCH_PEOPLE people (default
 * 5,000: party members and volunteers) in one community: the index refresh once, then p50 / p95 of a suggestion for
 * 200 help needs (the target is 100 ms at p95, issue 9).
 */
const services = [
  ['代购跑腿', '帮行动不便的老人买菜、买药、取快递'],
  ['助餐送餐', '老年餐送餐上门，每日中午'],
  ['家电维修', '上门修理家电、换灯、疏通下水道'],
  ['法律咨询', '律师坐班，解答邻里纠纷、继承问题'],
  ['陪诊服务', '陪同老人去医院看病、体检'],
  ['家政保洁', '打扫卫生、收纳整理，低于市场价'],
  ['理发义剪', '每月一次为老人义务理发'],
  ['作业辅导', '四点半课堂，小学生作业辅导'],
  ['心理疏导', '心理咨询师谈心疏导'],
  ['爱心义诊', '社区卫生服务站量血压、健康咨询'],
] as const;
const needs = [
  '帮老人买菜',
  '家里水管漏水需要修理',
  '想找人陪着去医院复查',
  '孩子放学后没人辅导作业',
  '独居老人想有人聊聊天',
  '和邻居有纠纷想咨询律师',
  '行动不便，家里需要打扫',
];

export async function run(): Promise<Measure[]> {
  const nRes = Number(process.env.BENCH_MATCH_RESOURCES ?? 10_000);
  const nPeople = Number(process.env.BENCH_MATCH_PEOPLE ?? 5_000);
  const storage = await freshStorage();
  const env = { ...storage.env, LINLI_DEMO: '0', LOG_LEVEL: 'silent' };
  try {
    const { ctx, database } = await bootContext(loadConfig({ ...process.env, ...env }));
    try {
      const db = ctx.db;
      const community = await buildCommunity(ctx);
      const cid = community.id;
      const account = await buildAccount(ctx, { role: 'secretary', communityId: cid });
      const actor: Actor = {
        accountId: account.id,
        role: 'secretary',
        displayName: 'bench',
        communityId: cid,
        subdistrictId: community.subdistrictId,
        scope: [cid],
        requestId: crypto.randomUUID(),
        locale: 'zh-CN',
      };
      const units: number[] = [];
      const compounds: number[] = [];
      for (let c = 0; c < 20; c++) {
        const grid = await db
          .insertInto('grids')
          .values({ community_id: cid, name: `第${c}网格`, code: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const p = await db
          .insertInto('compounds')
          .values({ community_id: cid, name: `小区${c}`, address: null, grid_id: grid.id })
          .returning('id')
          .executeTakeFirstOrThrow();
        const b = await db
          .insertInto('buildings')
          .values({ community_id: cid, compound_id: p.id, name: '1号楼', floors: 6 })
          .returning('id')
          .executeTakeFirstOrThrow();
        const u = await db.insertInto('units').values({ community_id: cid, building_id: b.id, name: '1单元' }).returning('id').executeTakeFirstOrThrow();
        compounds.push(p.id);
        units.push(u.id);
      }
      for (let i = 0; i < nRes; i += 1000) {
        const rows = [];
        for (let k = i; k < Math.min(nRes, i + 1000); k++) {
          const [title, description] = services[k % services.length]!;
          rows.push({
            community_id: cid,
            title: `${title}${k}`,
            description,
            category: 'other',
            kind: 'service',
            provider_kind: 'partner',
            provider_name: `共建单位${k % 300}`,
            compound_id: k % 3 === 0 ? compounds[k % compounds.length]! : null,
          });
        }
        await db.insertInto('resources').values(rows).execute();
      }
      const residentIds: number[] = [];
      for (let i = 0; i < nPeople; i += 1000) {
        const households = await db
          .insertInto('households')
          .values(
            Array.from({ length: Math.min(1000, nPeople - i) }, (_, k) => ({
              community_id: cid,
              unit_id: units[(i + k) % units.length]!,
              room_no: String(i + k),
            })),
          )
          .returning('id')
          .execute();
        const residents = await db
          .insertInto('residents')
          .values(
            households.map((h, k) => ({
              community_id: cid,
              household_id: h.id,
              name: `居民${i + k}`,
              gender: 'male' as const,
              birth_date: null,
              relation: null,
              notes: null,
            })),
          )
          .returning('id')
          .execute();
        residentIds.push(...residents.map((r) => r.id));
      }
      const members = residentIds.slice(0, Math.floor(nPeople * 0.6));
      for (let i = 0; i < members.length; i += 1000)
        await db
          .insertInto('party_members')
          .values(
            members.slice(i, i + 1000).map((r, k) => ({
              community_id: cid,
              resident_id: r,
              status: 'in_service' as const,
              work_unit: ['市第一人民医院', '兰州石化', '律师事务所', '第五中学'][k % 4]!,
              grid_id: null,
              joined_on: null,
            })),
          )
          .execute();
      const volunteers = residentIds.slice(members.length);
      for (let i = 0; i < volunteers.length; i += 1000)
        await db
          .insertInto('accounts')
          .values(
            volunteers
              .slice(i, i + 1000)
              .map((r) => ({ username: `v${r}`, display_name: `志愿者${r}`, password_hash: 'x', role: 'volunteer', community_id: cid, resident_id: r })),
          )
          .execute();

      const t0 = performance.now();
      const count = await refreshMatchIndex(db, trustedCommunityId(cid));
      const refreshMs = performance.now() - t0;

      const ids: number[] = [];
      for (let i = 0; i < 200; i++)
        ids.push((await createHelpNeed(ctx, actor, { residentId: residentIds[i * 7]!, helpCategory: 'other', request: needs[i % needs.length]! })).id);
      for (const id of ids.slice(0, 10)) await suggest(ctx, actor, { needKind: 'help_need', needId: id, limit: 10 }); // warm up
      const times: number[] = [];
      for (const id of ids) {
        const s = performance.now();
        await suggest(ctx, actor, { needKind: 'help_need', needId: id, limit: 10 });
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
      return [
        { name: 'matching.index_candidates', value: count, unit: 'rows' },
        { name: 'matching.index_refresh', value: Math.round(refreshMs), unit: 'ms' },
        { name: 'matching.suggest_p50', value: Math.round(at(0.5) * 10) / 10, unit: 'ms' },
        { name: 'matching.suggest_p95', value: Math.round(at(0.95) * 10) / 10, unit: 'ms' },
      ];
    } finally {
      await database.close();
    }
  } finally {
    await storage.dispose();
  }
}

// `npx tsx bench/matching.bench.ts` runs this bench alone.
if (process.argv[1]?.endsWith('matching.bench.ts')) for (const m of await run()) console.log(JSON.stringify(m));
