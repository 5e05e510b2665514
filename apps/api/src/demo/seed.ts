import { sql, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import type { AppContext } from '../platform/context.js';
import { writeAudit, type AuditEntry } from '../platform/audit/audit.js';
import { hashPassword } from '../modules/auth/index.js';
import { sealResidentFields } from '../modules/places/index.js';
import { demoAccounts, DEMO_PASSWORD } from './accounts.js';
import { communities, type DemoCommunity } from './communities.js';
import { issueClientKey } from '../modules/open311/index.js';
import { ensureCategoriesIn } from '../modules/tickets/index.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { seedOrganisations } from './organisations.js';
import { seedSecretarySessions } from './secretary-sessions.js';
import { seedWishes } from './wishes.js';
import { seedHelp } from './help.js';
import { prng } from './prng.js';
import { seedTickets } from './tickets/seed-tickets.js';
import { household, REF_YEAR } from './households.js';
import { seedPartnerOffers } from './partners-offers.js';
import { seedCare } from './care.js';
import { seedCareCheckins } from './care-checkins.js';
import { seedMeetings } from './meetings.js';
import { seedPoints } from './points.js';
import { seedVolunteers } from './volunteers.js';
import { seedParty } from './party.js';
import { seedVenuesProjects } from './venues-projects.js';
import { seedActivities } from './activities.js';
import { seedVoteOwners, seedVotes } from './votes.js';
import { seedDuty } from './duty.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idCard(region: string, birth: string, seq: number, male: boolean): string {
  const order =
    String(seq % 1000)
      .padStart(3, '0')
      .slice(0, 2) + String(male ? (seq % 5) * 2 + 1 : (seq % 5) * 2);
  const body = `${region}${birth.replaceAll('-', '')}${order}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + '10X98765432'[sum % 11];
}

/** Loads the demo communities once; a second start finds them and does nothing. */
export async function seedDemo(ctx: AppContext, now = new Date()): Promise<boolean> {
  const started = performance.now();
  const existing = await ctx.db.selectFrom('communities').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let tickets = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const districtIds = new Map<string, number>();
    const subdistrictIds = new Map<string, number>();
    const communityIds = new Map<string, number>();
    for (const [i, c] of communities.entries()) {
      const dKey = `${c.city}|${c.district}`;
      if (!districtIds.has(dKey)) {
        const d = await trx.insertInto('districts').values({ name: c.district, city: c.city, code: c.districtCode }).returning('id').executeTakeFirstOrThrow();
        districtIds.set(dKey, d.id);
      }
      if (!subdistrictIds.has(c.subdistrict)) {
        const s = await trx
          .insertInto('subdistricts')
          .values({ district_id: districtIds.get(dKey)!, name: c.subdistrict, code: c.subdistrictCode })
          .returning('id')
          .executeTakeFirstOrThrow();
        subdistrictIds.set(c.subdistrict, s.id);
      }
      const community = await trx
        .insertInto('communities')
        .values({ subdistrict_id: subdistrictIds.get(c.subdistrict)!, name: c.name, code: c.code, address: c.address })
        .returning('id')
        .executeTakeFirstOrThrow();
      communityIds.set(c.name, community.id);
      await seedCommunity(ctx, trx, community.id, c, prng(1000 + i));
    }
    for (const a of demoAccounts) {
      const communityId = a.community ? communityIds.get(a.community)! : null;
      const subdistrictId = 'subdistrict' in a ? subdistrictIds.get(a.subdistrict)! : null;
      const acc = await trx
        .insertInto('accounts')
        .values({
          username: a.username,
          display_name: a.name,
          password_hash: passwordHash,
          role: a.role,
          community_id: communityId,
          subdistrict_id: subdistrictId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, null, { communityId, action: 'demo.seeded', entityType: 'account', entityId: acc.id });
      // A community's grid worker looks after its grids: environment and safety tickets go to them by default.
      if (a.role === 'grid_worker' && communityId) {
        await trx.updateTable('grids').set({ worker_account_id: acc.id }).where('community_id', '=', communityId).execute();
        // Seeding: the demo community just written.
        await ensureCategoriesIn(trx, trustedCommunityId(communityId));
        await trx
          .updateTable('ticket_categories')
          .set({ default_assignee_kind: 'grid_worker' })
          .where('community_id', '=', communityId)
          .where('code', 'in', ['environment', 'safety'])
          .execute();
      }
      // A building head reads the households and residents of the building they look after, and no other.
      if ('looksAfter' in a && communityId) {
        const b = await trx
          .selectFrom('buildings as b')
          .innerJoin('compounds as p', 'p.id', 'b.compound_id')
          .select('b.id')
          .where('b.community_id', '=', communityId)
          .where('p.name', '=', a.looksAfter.compound)
          .where('b.name', '=', a.looksAfter.building)
          .executeTakeFirstOrThrow();
        await trx.insertInto('building_heads').values({ community_id: communityId, building_id: b.id, unit_id: null, account_id: acc.id }).execute();
      }
    }
    await seedOrganisations(trx, passwordHash);
    // Departments of 七里河区 and 北仑区 (demo/organisations.ts) are seeded here, before the tickets escalated to them.
    // A year of tickets: the reports' cases and everyday ones, handled by the accounts above (demo/tickets/).
    const inYear = communities.map((c) => ({ id: communityIds.get(c.name)!, name: c.name, ticketsPerYear: c.ticketsPerYear }));
    tickets = await seedTickets(ctx, trx, inYear, now);
    // 书记面对面 sessions (demo/secretary-sessions.ts) are seeded here, after the tickets they may refer to.
  });
  await seedSecretarySessions(ctx); // 凌霄's 书记面对面, after the organisations (demo/organisations.ts)
  await seedPartnerOffers(ctx, now); // issue 9: agreements, contributions and offers (demo/partners-offers.ts)
  await seedWishes(ctx, now); // 窑洲's 微心愿 (demo/wishes.ts)
  await seedCare(ctx, now); // 理工大's 75 people aged 80+ and 凌霄's 17 doctor pairings (demo/care.ts)
  await seedCareCheckins(ctx, now); // 理工大's 报安鸟: three weeks of check-ins and chased misses (demo/care-checkins.ts)
  await seedMeetings(ctx, now); // 理工大's 喝茶议事 rotating over its compounds, 窑洲's 民情恳谈会 (demo/meetings.ts)
  await seedVoteOwners(ctx); // 建兰's 兰石家属院 1号楼: three homes with their floor area and owner, for the votes journey (demo/votes.ts)
  await seedVolunteers(ctx, now); // 窑洲's recruits, 理工大's students: sessions, hours, stars, a certificate (demo/volunteers.ts)
  await seedPoints(ctx, now); // 窑洲's caring merchants, 专属优惠包 and volunteers' points (demo/points.ts)
  await seedParty(ctx, now); // 凌霄's 双报到: reports, pioneer posts at the compound gates, claims, pairings, hours (demo/party.ts)
  await seedVenuesProjects(ctx, now); // 凌霄's 社区公社 and its arts teams' bookings, 小西坪's projects, 凌霄's 民生项目认领 (demo/venues-projects.ts)
  await seedActivities(ctx, now); // 凌霄's 红领驿站 calendar and arts teams, 小西坪's drills and yoga (demo/activities.ts)
  await seedVotes(ctx, now); // 窑洲's 晴岚家园: convention and deliberation rule adopted by the owners, one vote open (demo/votes.ts)
  await seedDuty(ctx, now); // 金港城's party posts kept on duty by its squads: templates, weeks of shifts, a swap (demo/duty.ts)
  // The demo Open311 client of 金港城, so the API can be tried at once (README).
  const jgc = await ctx.db.selectFrom('communities').select('id').where('code', '=', communities[0]!.code).executeTakeFirstOrThrow();
  await issueClientKey(ctx, jgc.id, 'demo client', 'linli-demo-key');
  await seedHelp(ctx, communities[0]!.code, now); // 金港城's 帮扶清单 and two orders to its volunteer (demo/help.ts)
  ctx.log.info({ communities: communities.length, tickets, ms: Math.round(performance.now() - started) }, 'demo data loaded');
  return true;
}

type Trx = Transaction<DB>;

async function seedCommunity(ctx: AppContext, trx: Trx, communityId: number, c: DemoCommunity, rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const audits: AuditEntry[] = [{ communityId, action: 'demo.seeded', entityType: 'community', entityId: communityId }];
  const gridIds: number[] = [];
  for (const g of c.grids)
    gridIds.push((await trx.insertInto('grids').values({ community_id: communityId, name: g, code: null }).returning('id').executeTakeFirstOrThrow()).id);
  const residentIds: number[] = [];
  let seq = 0;
  const compoundIds = new Map<string, number>();
  for (const [ci, comp] of c.compounds.entries()) {
    const compound = await trx
      .insertInto('compounds')
      .values({ community_id: communityId, name: comp.name, address: comp.address, grid_id: gridIds[ci % gridIds.length] ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    compoundIds.set(comp.name, compound.id);
    for (let b = 1; b <= comp.buildings; b++) {
      const building = await trx
        .insertInto('buildings')
        .values({ community_id: communityId, compound_id: compound.id, name: `${b}${comp.buildingSuffix ?? '号楼'}`, floors: comp.floors })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let u = 1; u <= comp.units; u++) {
        const unit = await trx
          .insertInto('units')
          .values({ community_id: communityId, building_id: building.id, name: `${u}单元` })
          .returning('id')
          .executeTakeFirstOrThrow();
        const rooms: string[] = [];
        for (let f = 1; f <= Math.min(comp.floors, comp.seededFloors); f++) for (const d of ['01', '02']) rooms.push(`${f}${d}`);
        const households = await trx
          .insertInto('households')
          .values(rooms.map((room_no) => ({ community_id: communityId, unit_id: unit.id, room_no })))
          .returning('id')
          .execute();
        const residents = [];
        for (const h of households) {
          const { members } = household(rand);
          for (const p of members) {
            seq++;
            const age = REF_YEAR - p.year;
            const alone = members.length === 1 && age >= 65;
            const tags: string[] = [];
            if (age >= 80) tags.push('advanced_age');
            if (rand() < 0.04 && age > 40) tags.push('veteran');
            if (rand() < 0.08 && age > 25) tags.push('party_member');
            const sensitive: string[] = [];
            if (rand() < 0.03) sensitive.push('low_income');
            if (rand() < 0.02) sensitive.push('disabled');
            const phone = age >= 14 ? `1${pick(['38', '39', '59', '77', '86', '89', '35', '51'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : null;
            residents.push({
              community_id: communityId,
              household_id: h.id,
              name: p.name,
              gender: p.male ? ('male' as const) : ('female' as const),
              birth_date: p.birth,
              phone_enc: null,
              phone_masked: null,
              phone_hash: null,
              id_card_enc: null,
              id_card_masked: null,
              id_card_hash: null,
              sensitive_enc: null,
              ...sealResidentFields(ctx, { phone, idCard: idCard(c.region, p.birth, seq, p.male), sensitiveTags: sensitive }),
              hukou_local: rand() >= c.nonLocalShare,
              tags: alone ? ['living_alone', ...tags] : tags,
              relation: p.relation,
              notes: null,
              archived_at: null,
            });
          }
        }
        const inserted = await trx.insertInto('residents').values(residents).returning(['id', 'tags']).execute();
        for (const r of inserted) residentIds.push(r.id);
      }
    }
  }
  // Party members: every resident tagged party_member, with a status mix like the reports (many in-service members).
  const members = await trx
    .selectFrom('residents')
    .select(['id', 'household_id'])
    .where('community_id', '=', communityId)
    .where(sql<boolean>`'party_member' = any(tags)`)
    .execute();
  if (members.length) {
    await trx
      .insertInto('party_members')
      .values(
        members.map((m: { id: number }, i: number) => ({
          community_id: communityId,
          resident_id: m.id,
          status: i % 5 === 0 ? ('outside' as const) : i % 2 === 0 ? ('in_service' as const) : ('registered' as const),
          work_unit: i % 2 === 0 ? pick(c.workUnits) : null,
          grid_id: gridIds[i % gridIds.length] ?? null,
          joined_on: `${1975 + (i % 45)}-07-01`,
        })),
      )
      .execute();
  }
  for (const [ti, t] of c.teams.entries()) {
    const team = await trx
      .insertInto('teams')
      .values({ community_id: communityId, name: t.name, kind: t.kind, description: t.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    const size = 4 + Math.floor(rand() * 6);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(size, residentIds.length)) chosen.add(residentIds[Math.floor(rand() * residentIds.length)]!);
    await trx
      .insertInto('team_members')
      .values([...chosen].map((rid, i) => ({ community_id: communityId, team_id: team.id, resident_id: rid, is_leader: i === 0 })))
      .execute();
    audits.push({ communityId, action: 'demo.seeded', entityType: 'team', entityId: team.id, changes: { order: ti } });
  }
  for (const s of c.stations) {
    await trx
      .insertInto('stations')
      .values({
        community_id: communityId,
        compound_id: s.compound ? (compoundIds.get(s.compound) ?? null) : null,
        name: s.name,
        kind: s.kind,
        address: s.address,
        opening_hours: s.hours,
        phone: null,
        description: s.description,
      })
      .execute();
  }
  for (const p of c.partners) {
    const sealed = ctx.pii.seal(p.phone ?? null, (v) => `${v.slice(0, 3)}****${v.slice(-4)}`);
    await trx
      .insertInto('partners')
      .values({
        community_id: communityId,
        name: p.name,
        kind: p.kind,
        contact_name: p.contact ?? null,
        contact_phone_enc: sealed.enc,
        contact_phone_masked: sealed.masked,
        address: null,
        description: p.description,
        joined_on: p.joinedOn ?? null,
      })
      .execute();
  }
  await writeAudit(trx, null, ...audits);
}
