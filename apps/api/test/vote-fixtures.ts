// Places for votes' tests and bench: one compound with many homes, each with residents, an owner and a floor area.
import { sql } from 'kysely';
import type { AppContext } from '../src/platform/context.js';

let seq = 0;

/**
 * A compound of `homes` households in buildings of 100 homes, each with one owner resident (born `ownerBorn`) of
 * `areaOf(i)` m² (null: none recorded) and `minors` children born `childBorn`, inserted in a few set-based statements.
 */
export async function buildVotingCompound(
  ctx: AppContext,
  communityId: number,
  opts: { homes: number; areaOf?: (i: number) => number | null; ownerBorn?: string; minors?: number; childBorn?: string },
) {
  const n = ++seq;
  const compound = await ctx.db
    .insertInto('compounds')
    .values({ community_id: communityId, name: `窑洲花园${n}`, address: null, grid_id: null })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const households: number[] = [];
  for (let b = 0; b * 100 < opts.homes; b++) {
    const building = await ctx.db
      .insertInto('buildings')
      .values({ community_id: communityId, compound_id: compound.id, name: `${b + 1}号楼`, floors: 18 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await ctx.db
      .insertInto('units')
      .values({ community_id: communityId, building_id: building.id, name: '1单元' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const count = Math.min(100, opts.homes - b * 100);
    const rows = Array.from({ length: count }, (_, k) => {
      const i = b * 100 + k;
      return { community_id: communityId, unit_id: unit.id, room_no: String(101 + k).padStart(4, '0'), floor_area_m2: opts.areaOf ? opts.areaOf(i) : 88.5 };
    });
    const ids = await ctx.db.insertInto('households').values(rows).returning('id').execute();
    households.push(...ids.map((r) => r.id));
  }
  for (let i = 0; i < households.length; i += 1000) {
    const part = households.slice(i, i + 1000);
    await sql`insert into residents (community_id, household_id, name, gender, birth_date, relation, is_owner, tags)
      select ${communityId}, h, '业主' || h, 'female', ${opts.ownerBorn ?? '1970-05-01'}::date, '户主', true, '{}'::text[] from unnest(${sql.val(part)}::bigint[]) h`.execute(
      ctx.db,
    );
    for (let m = 0; m < (opts.minors ?? 0); m++)
      await sql`insert into residents (community_id, household_id, name, gender, birth_date, relation, is_owner, tags)
        select ${communityId}, h, '孩子' || h, 'male', ${opts.childBorn ?? '2015-01-01'}::date, '子', false, '{}'::text[] from unnest(${sql.val(part)}::bigint[]) h`.execute(
        ctx.db,
      );
  }
  return { compound, households };
}
