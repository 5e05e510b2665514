import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { loadCalendar } from '../../platform/calendar/work-calendar.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { ensureCategoriesIn, settingsOf, ticketRollup } from '../../modules/tickets/index.js';
import { servesCommunity } from '../../modules/orgs/index.js';
import { prng } from '../prng.js';
import { everydayYear, type PlayedPlan } from './everyday.js';
import { storiesOf } from './stories.js';
import { writeTickets } from './write.js';
import type { World } from './world.js';

type Trx = Transaction<DB>;

/** How the world of one seeded community looks to the ticket generators. */
async function worldOf(trx: Trx, communityId: number, name: string, ticketsPerYear: number): Promise<World> {
  // Seeding: the demo community just written.
  const cid = trustedCommunityId(communityId);
  await ensureCategoriesIn(trx, cid);
  const [categories, accounts, teams, partners, buildings, residents] = await Promise.all([
    trx
      .selectFrom('ticket_categories')
      .select(['id', 'code', 'response_hours', 'resolution_hours', 'working_hours_only'])
      .where('community_id', '=', cid)
      .execute(),
    trx.selectFrom('accounts').select(['id', 'role']).where('community_id', '=', cid).orderBy('id').execute(),
    trx.selectFrom('teams').select(['id', 'name']).where('community_id', '=', cid).orderBy('id').execute(),
    trx.selectFrom('partners').select(['id', 'name', 'kind']).where('community_id', '=', cid).orderBy('id').execute(),
    trx
      .selectFrom('buildings as b')
      .innerJoin('compounds as c', 'c.id', 'b.compound_id')
      .select(['b.id', 'b.name', 'c.id as compound_id', 'c.name as compound_name'])
      .where('b.community_id', '=', cid)
      .orderBy('b.id')
      .execute(),
    trx
      .selectFrom('residents as r')
      .innerJoin('households as h', 'h.id', 'r.household_id')
      .innerJoin('units as u', 'u.id', 'h.unit_id')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select([
        'r.id',
        'r.name',
        'r.gender',
        'r.birth_date',
        'r.phone_enc',
        'r.phone_masked',
        'r.phone_hash',
        'b.id as building_id',
        'b.compound_id',
        'u.name as unit',
      ])
      .where('r.community_id', '=', cid)
      .orderBy('r.id')
      .execute(),
  ]);
  const organisations = [];
  const orgRows = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'department_type'])
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  const contacts = await trx.selectFrom('accounts').select(['id', 'organisation_id']).where('organisation_id', 'is not', null).orderBy('id').execute();
  for (const o of orgRows) {
    if (!(await servesCommunity(trx, o.id, cid))) continue;
    const contactAccountId = contacts.find((a) => a.organisation_id === o.id)?.id ?? null;
    organisations.push({ id: o.id, name: o.name, kind: o.kind, departmentType: o.department_type, contactAccountId });
  }
  const role = (r: string) => accounts.find((a) => a.role === r)?.id ?? null;
  const secretary = role('secretary');
  if (!secretary) throw new Error(`demo community ${name} has no secretary account`);
  const compounds = new Map<number, World['compounds'][number]>();
  for (const b of buildings) {
    if (!compounds.has(b.compound_id)) compounds.set(b.compound_id, { id: b.compound_id, name: b.compound_name, buildings: [] });
    compounds.get(b.compound_id)!.buildings.push({ id: b.id, name: b.name });
  }
  return {
    communityId,
    name,
    ticketsPerYear,
    categories: new Map(
      categories.map((c) => [
        c.code,
        { id: c.id, responseHours: c.response_hours, resolutionHours: c.resolution_hours, workingHoursOnly: c.working_hours_only },
      ]),
    ),
    staff: { secretary, socialWorker: role('social_worker'), gridWorker: role('grid_worker') },
    teams,
    partners,
    organisations,
    compounds: [...compounds.values()],
    residents: residents.map((r) => ({
      id: r.id,
      name: r.name,
      male: r.gender === 'male',
      year: Number(String(r.birth_date ?? '1970').slice(0, 4)),
      compoundId: r.compound_id,
      buildingId: r.building_id,
      unit: r.unit,
      phoneEnc: r.phone_enc,
      phoneMasked: r.phone_masked,
      phoneHash: r.phone_hash,
    })),
  };
}

/**
 * A year of tickets up to `now` for each demo community: the reports' cases with their real paths, over everyday
 * tickets. Same seed, same year (dates count back from the day the demo is loaded). Answers how many were written.
 */
export async function seedTickets(ctx: AppContext, trx: Trx, communities: Array<{ id: number; name: string; ticketsPerYear: number }>, now: Date) {
  const calendar = await loadCalendar(trx);
  let key = 0;
  const nextKey = () => ++key;
  const plans: PlayedPlan[] = [];
  for (const [i, c] of communities.entries()) {
    const world = await worldOf(trx, c.id, c.name, c.ticketsPerYear);
    const { reopenLimit } = await settingsOf(trx, trustedCommunityId(c.id));
    plans.push(...storiesOf(world, prng(7000 + i), now, calendar, nextKey, reopenLimit));
    plans.push(...everydayYear(world, prng(5000 + i), now, calendar, nextKey, reopenLimit));
  }
  await writeTickets(trx, plans, prng(9000), now);
  // Fold the roll-up's deltas now, as the periodic job would, so the first dashboard reads folded counts.
  await ticketRollup.foldRollup(trx);
  return plans.length;
}
