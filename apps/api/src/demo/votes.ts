import type { AppContext } from '../platform/context.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { placeRefs } from '../modules/places/index.js';

// Owners' votes (表决, ADR 0046) count homes with a recorded exclusive floor area (专有部分面积). At 窑洲's 晴岚家园 the
// property certificates of 9栋's first homes have been entered so far: three homes, each with its eldest adult as
// owner — a vote of the compound's owners is small enough to reach the art. 278 quorum with a few ballots.
const areas: Record<string, number> = { '101': 89.6, '102': 92.35, '201': 118.2 };

export async function seedVoteOwners(ctx: AppContext): Promise<void> {
  const db = ctx.db;
  const yz = await db.selectFrom('communities').select('id').where('code', '=', 'XT-YT-ZS-YZ').executeTakeFirst();
  if (!yz) return;
  const cid = trustedCommunityId(yz.id);
  const homes = await db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('compounds as c', 'c.id', 'b.compound_id')
    .select(['h.id', 'h.room_no'])
    .where('h.community_id', '=', cid)
    .where('c.name', '=', '晴岚家园')
    .where('b.name', '=', '9栋')
    .where('h.room_no', 'in', Object.keys(areas))
    .execute();
  for (const h of homes) {
    const eldest = await db
      .selectFrom('residents')
      .select('id')
      .where('community_id', '=', cid)
      .where('household_id', '=', h.id)
      .orderBy('birth_date', 'asc')
      .limit(1)
      .executeTakeFirst();
    await placeRefs.saveHouseholdOwnership(db, cid, h.id, areas[h.room_no]!, eldest ? [eldest.id] : []);
  }
}
