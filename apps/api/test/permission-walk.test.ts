import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCan, roles, type Role } from '@linli/contracts';
import type { RouteInfo } from '../src/platform/http/types.js';
import { ensureCategoriesIn } from '../src/modules/tickets/index.js';
import { issueClientKey } from '../src/modules/open311/index.js';
import { actorIn, buildAccount, buildCommunity, createTestEnv, type TestEnv } from './harness.js';
import { buildResident } from './fixtures.js';
import { sampleOf } from './schema-sample.js';
// Tests name the communities they seeded themselves.
import { trustedCommunityId } from '../src/platform/access/trusted-scope.js';

/**
 * The permission walk, generated from the registered routes (ADR 0018): every /api route declares `public` or a
 * `permission` (route-table.ts refuses one that declares neither). For every route and every role:
 * - a role without the route's permission gets 403 (on its own community);
 * - a role with it gets 404 for a record of another community, on every route that takes an id.
 * A new route is walked without editing this file; a new kind of id needs one line in `recordOf`.
 */

/** Routes that answer without a session: resident (h5) pages, Open311, login, setup and health. */
const PUBLIC_ROUTES = [
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/public/communities/:code',
  'POST /api/public/tickets',
  'GET /api/public/tickets/:code',
  'POST /api/public/tickets/:code/info',
  'POST /api/public/tickets/:code/rate',
  'POST /api/public/tickets/:code/photos',
  'GET /api/public/tickets/:code/photos/:photoId',
  'GET /api/public/communities/:code/resources',
  'GET /api/public/communities/:code/wishes',
  'POST /api/public/wishes',
  'GET /api/public/wishes/:code',
  'POST /api/public/wishes/:code/confirm',
  'POST /api/public/wishes/:code/photos',
  'GET /api/public/wishes/:code/photos/:photoId',
  'POST /api/check-ins/tap',
  'GET /api/public/communities/:code/meetings',
  'GET /api/public/communities/:code/venues',
  'POST /api/public/bookings',
  'GET /api/public/communities/:code/projects',
  'POST /api/public/projects/:id/ratings',
  'POST /api/public/volunteers',
  'GET /api/public/activities',
  'GET /api/public/activities/:id',
  'POST /api/public/activities/:id/signups',
  'POST /api/public/activity-signups/mine',
  'POST /api/public/activity-signups/cancel',
  'POST /api/public/activity-signups/check-in',
  'GET /api/activities/calendar.ics',
  'GET /api/activities/teams/:teamId/calendar.ics',
  'GET /api/public/activities/:id/photos/:name',
  'POST /api/votes/ballot',
  'POST /api/votes/ballot/view',
  'GET /api/votes/:id/notice',
  'GET /api/public/communities/:code/votes',
  'GET /api/conventions/:id/public',
];

type Records = Record<string, number>;

/** The record an id route of this path names, by the path's resource. */
function recordOf(url: string): string | null {
  if (url.includes('/:recipientId')) return 'checkin-recipients';
  if (url.startsWith('/api/service-hours/sessions/:id')) return 'service-sessions';
  const m = /^\/api\/([a-z0-9-]+(?:\/exports)?)\/:id/.exec(url);
  return m ? m[1]! : null;
}

async function seedCommunity(env: TestEnv, community: { id: number; subdistrictId: number }, tag: string): Promise<Records> {
  const db = env.ctx.db;
  const cid = community.id;
  const sec = await actorIn(env, 'secretary', community);
  const resident = await buildResident(env.ctx, cid, { name: `居民${tag}` });
  const place = await db
    .selectFrom('households as h')
    .innerJoin('units as u', 'u.id', 'h.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select(['h.id as household', 'u.id as unit', 'b.id as building', 'b.compound_id as compound'])
    .where('h.id', '=', resident.household_id!)
    .executeTakeFirstOrThrow();
  const grid = await db
    .insertInto('grids')
    .values({ community_id: cid, name: `网格${tag}`, code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pm = await db
    .insertInto('party_members')
    .values({ community_id: cid, resident_id: resident.id, status: 'registered', work_unit: null, grid_id: null, joined_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const team = await db
    .insertInto('teams')
    .values({ community_id: cid, name: `先锋队${tag}`, kind: 'pioneer', description: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = await db
    .insertInto('team_members')
    .values({ community_id: cid, team_id: team.id, resident_id: resident.id, is_leader: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const station = await db
    .insertInto('stations')
    .values({
      community_id: cid,
      compound_id: null,
      name: `驿站${tag}`,
      kind: 'post_house',
      address: null,
      opening_hours: null,
      phone: null,
      description: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const partner = await db
    .insertInto('partners')
    .values({
      community_id: cid,
      name: `共建${tag}`,
      kind: 'enterprise',
      contact_name: null,
      contact_phone_enc: null,
      contact_phone_masked: null,
      address: null,
      description: null,
      joined_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await buildAccount(env.ctx, { role: 'volunteer', communityId: cid });
  const job = await db
    .insertInto('import_jobs')
    .values({ community_id: cid, actor_id: sec.account.id, kind: 'residents', file_name: 'r.csv', status: 'ready', payload: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const categories = await ensureCategoriesIn(db, trustedCommunityId(cid));
  const ticket = await env.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { cookie: sec.cookie },
    payload: { channel: 'walk_in', categoryId: categories[0]!.id, title: `诉求${tag}`, description: '楼道灯坏了' },
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const webhook = await db
    .insertInto('webhooks')
    .values({ community_id: cid, name: `hook${tag}`, url: 'https://example.org/hook', format: 'json', secret: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await issueClientKey(env.ctx, cid, `client${tag}`);
  const client = await db.selectFrom('open311_clients').select('id').where('community_id', '=', cid).executeTakeFirstOrThrow();
  const exp = await db
    .insertInto('ledger_exports')
    .values({ community_id: cid, actor_id: sec.account.id, filters: '{}', status: 'done', file_name: 'l.csv', file_path: null, error: null, finished_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const organisation = await db
    .insertInto('organisations')
    .values({
      kind: 'property_company',
      department_type: null,
      name: `物业${tag}`,
      contact_name: null,
      contact_phone: null,
      address: null,
      subdistrict_id: null,
      community_id: cid,
      partner_id: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('organisation_areas').values({ organisation_id: organisation.id, area_kind: 'community', area_id: cid }).execute();
  const escalation = await db
    .insertInto('escalations')
    .values({
      community_id: cid,
      ticket_id: ticket.json().id,
      organisation_id: organisation.id,
      status: 'pending',
      reason: '上报',
      due_at: new Date(Date.now() + 86400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const secretarySession = await db
    .insertInto('secretary_sessions')
    .values({
      community_id: cid,
      title: '书记面对面',
      held_on: '2026-01-05',
      starts_at: null,
      place: '驿站',
      host_name: '书记',
      other_attendees: null,
      notes: null,
      created_by: sec.account.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sessionItem = await db
    .insertInto('secretary_session_items')
    .values({
      community_id: cid,
      session_id: secretarySession.id,
      organisation_id: organisation.id,
      escalation_id: null,
      ticket_id: null,
      ticket_code: null,
      subject: '议题',
      detail: null,
      created_by: sec.account.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const resource = await db
    .insertInto('resources')
    .values({
      community_id: cid,
      title: `资源${tag}`,
      category: 'other',
      kind: 'service',
      provider_kind: 'partner',
      provider_name: `共建${tag}`,
      partner_id: partner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agreement = await db
    .insertInto('agreements')
    .values({ community_id: cid, partner_id: partner.id, kind: 'entry', title: `协议${tag}`, signed_on: '2026-01-01', starts_on: '2026-01-01', ends_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const contribution = await db
    .insertInto('contributions')
    .values({ community_id: cid, partner_id: partner.id, kind: 'money', contributed_on: '2026-01-01', value_fen: 100 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const wish = await db
    .insertInto('wishes')
    .values({ community_id: cid, source: 'staff', resident_name: `居民${tag}`, public_initial: '居**', text: '想要一台收音机' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const helpNeed = await db
    .insertInto('help_needs')
    .values({
      community_id: cid,
      resident_id: resident.id,
      category: 'errands',
      request_enc: env.ctx.pii.encrypt('买菜'),
      circumstances_enc: null,
      basis_enc: null,
      created_by: sec.account.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const matchOrder = await db
    .insertInto('match_orders')
    .values({
      community_id: cid,
      need_kind: 'help_need',
      need_id: helpNeed.id,
      need_summary: 'errands',
      candidate_kind: 'volunteer',
      candidate_id: account.id,
      candidate_name: '志愿者',
      claimant_account_id: account.id,
      note: null,
      sent_by: sec.account.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const careRecipient = await db
    .insertInto('care_recipients')
    .values({ community_id: cid, resident_id: resident.id, tier: 'key', qualifying_tags: ['living_alone'], created_by: sec.account.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pairing = await db
    .insertInto('care_pairings')
    .values({
      community_id: cid,
      recipient_id: careRecipient.id,
      helper_kind: 'grid_worker',
      account_id: sec.account.id,
      duties: ['visits'],
      frequency: 'monthly',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const careVisit = await db
    .insertInto('care_visits')
    .values({
      community_id: cid,
      recipient_id: careRecipient.id,
      visitor_id: sec.account.id,
      visited_at: new Date(),
      wellbeing: 'concern',
      needs: '需要买药',
      photos: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // One active recipient per resident: the check-in link hangs on the care recipient above.
  const checkinRecipient = careRecipient;
  const checkinLink = await db
    .insertInto('care_checkin_links')
    .values({ community_id: cid, recipient_id: checkinRecipient.id, holder: 'self', holder_name: null, token_hash: `walk-${tag}`, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const partyBranch = await db
    .insertInto('party_branches')
    .values({ community_id: cid, name: `党支部${tag}`, compound_id: null, founded_on: null, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pioneerPost = await db
    .insertInto('pioneer_posts')
    .values({
      community_id: cid,
      name: `先锋岗${tag}`,
      post_class: 'governance',
      place_kind: 'grid',
      place_id: grid.id,
      capacity: 3,
      description: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const pioneerClaim = await db
    .insertInto('pioneer_post_claims')
    .values({ community_id: cid, post_id: pioneerPost.id, party_member_id: pm.id, claimed_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const vote = await db
    .insertInto('votes')
    .values({
      community_id: cid,
      compound_id: null,
      topic_id: null,
      title: `表决${tag}`,
      matter: 'other',
      eligibility: 'households',
      quorum_num: null,
      quorum_den: null,
      quorum_strict: null,
      threshold_num: null,
      threshold_den: null,
      threshold_strict: null,
      opens_at: new Date('2026-12-01T00:00:00Z'),
      closes_at: new Date('2026-12-31T00:00:00Z'),
      outcome: null,
      result: null,
      opened_at: null,
      closed_at: null,
      published_at: null,
      publicity_until: null,
      archived_at: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const convention = await db
    .insertInto('conventions')
    .values({ community_id: cid, compound_id: null, title: `小区公约${tag}`, created_by: null, archived_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const conventionVersion = await db
    .insertInto('convention_versions')
    .values({ community_id: cid, convention_id: convention.id, version_no: 1, body: '爱护公共设施', vote_id: null, adopted_at: null, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('meetings')
    .values({
      community_id: cid,
      kind: 'tea_talk',
      title: `喝茶议事${tag}`,
      starts_at: new Date('2026-12-09T01:30:00Z'),
      ends_at: new Date('2026-12-09T03:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const venue = await db
    .insertInto('venues')
    .values({ community_id: cid, name: `活动室${tag}`, kind: 'room', capacity: 20, opening_hours: '[]', bookable_by: ['team'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  const booking = await db
    .insertInto('venue_bookings')
    .values({
      community_id: cid,
      venue_id: venue.id,
      starts_at: new Date('2026-10-01T01:00:00Z'),
      ends_at: new Date('2026-10-01T02:00:00Z'),
      purpose: '排练',
      booker_kind: 'staff',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const project = await db
    .insertInto('projects')
    .values({ community_id: cid, title: `为民办实事${tag}`, content: '更换水管', source_kind: 'staff' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const milestone = await db
    .insertInto('project_milestones')
    .values({ community_id: cid, project_id: project.id, title: '开工', due_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const volunteer = await db
    .insertInto('volunteers')
    .values({ community_id: cid, volunteer_no: 1, name: `志愿者${tag}`, status: 'approved' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const serviceSession = await db
    .insertInto('service_sessions')
    .values({
      community_id: cid,
      source_kind: 'task',
      source_id: null,
      title: '巡查',
      place: null,
      code_hash: `walk-${tag}`,
      opened_by: sec.account.id,
      closes_at: new Date(Date.now() + 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const serviceHours = await db
    .insertInto('service_hours')
    .values({
      community_id: cid,
      volunteer_id: volunteer.id,
      source_kind: 'task',
      source_id: null,
      source_title: '巡查',
      session_id: null,
      started_at: new Date('2026-11-01T01:00:00Z'),
      ended_at: new Date('2026-11-01T02:00:00Z'),
      raw_minutes: 60,
      counted_minutes: 60,
      rounding_rule: 'chongqing',
      recorded_by: sec.account.id,
      confirmed_by: sec.account.id,
      corrects_entry_id: null,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dutyShift = await db
    .insertInto('shifts')
    .values({
      community_id: cid,
      station_id: station.id,
      template_id: null,
      day: '2026-12-14',
      starts_at: '2026-12-14T00:00:00Z',
      ends_at: '2026-12-14T04:00:00Z',
      headcount: 1,
      team_id: null,
      note: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Points: a perk of the partner above and a redemption of it by a volunteer (issue 10, ADR 0042).
  const pointsHolder = await db
    .insertInto('volunteers')
    .values({ community_id: cid, volunteer_no: 9001, name: `积分志愿者${tag}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perk = await db
    .insertInto('perks')
    .values({
      community_id: cid,
      partner_id: partner.id,
      title: `优惠${tag}`,
      terms: null,
      price_points: 5,
      stock: 3,
      valid_from: '2026-01-01',
      valid_to: '2099-12-31',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const spentEntry = await db
    .insertInto('points_entries')
    .values({
      community_id: cid,
      volunteer_id: pointsHolder.id,
      kind: 'spent',
      debit_account: `volunteer:${pointsHolder.id}`,
      credit_account: `perk:${perk.id}`,
      amount: 5,
      delta: -5,
      reason: '兑换',
      author_id: null,
      source_kind: 'perk',
      source_id: perk.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const redemption = await db
    .insertInto('redemptions')
    .values({
      community_id: cid,
      perk_id: perk.id,
      partner_id: partner.id,
      volunteer_id: pointsHolder.id,
      points: 5,
      code_hash: `walk-${tag}`,
      expires_at: new Date(Date.now() + 86_400_000),
      spent_entry_id: spentEntry.id,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dutyTemplate = await db
    .insertInto('shift_templates')
    .values({
      community_id: cid,
      station_id: station.id,
      weekday: 1,
      starts_at: '08:00',
      ends_at: '12:00',
      headcount: 1,
      team_id: null,
      note: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dutyAssignment = await db
    .insertInto('shift_assignments')
    .values({
      community_id: cid,
      shift_id: dutyShift.id,
      account_id: account.id,
      resident_id: null,
      name: `值守${tag}`,
      via: 'person',
      team_id: null,
      assigned_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dutySwap = await db
    .insertInto('shift_swaps')
    .values({
      community_id: cid,
      from_assignment_id: dutyAssignment.id,
      requested_by: account.id,
      to_account_id: sec.account.id,
      to_assignment_id: null,
      reason: '换班',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const activity = await db
    .insertInto('activities')
    .values({
      community_id: cid,
      title: `活动${tag}`,
      kind: 'lecture',
      organiser_kind: 'staff',
      starts_at: new Date(Date.now() + 86_400_000),
      ends_at: new Date(Date.now() + 90_000_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    communities: cid,
    wishes: wish.id,
    residents: resident.id,
    households: place.household,
    units: place.unit,
    buildings: place.building,
    compounds: place.compound,
    grids: grid.id,
    'party-members': pm.id,
    teams: team.id,
    memberId: member.id,
    stations: station.id,
    partners: partner.id,
    accounts: account.id,
    imports: job.id,
    'ticket-categories': categories[0]!.id,
    tickets: ticket.json().id,
    webhooks: webhook.id,
    'open311-clients': client.id,
    'ledger/exports': exp.id,
    organisations: organisation.id,
    escalations: escalation.id,
    'secretary-sessions': secretarySession.id,
    'secretary-session-items': sessionItem.id,
    resources: resource.id,
    agreements: agreement.id,
    contributions: contribution.id,
    'help-needs': helpNeed.id,
    'match-orders': matchOrder.id,
    'care-recipients': careRecipient.id,
    pairings: pairing.id,
    visits: careVisit.id,
    'checkin-recipients': checkinRecipient.id,
    linkId: checkinLink.id,
    votes: vote.id,
    conventions: convention.id,
    versionId: conventionVersion.id,
    'pioneer-posts': pioneerPost.id,
    'party-branches': partyBranch.id,
    claimId: pioneerClaim.id,
    meetings: meeting.id,
    venues: venue.id,
    bookings: booking.id,
    projects: project.id,
    milestoneId: milestone.id,
    volunteers: volunteer.id,
    'service-sessions': serviceSession.id,
    'service-hours': serviceHours.id,
    shifts: dutyShift.id,
    'shift-templates': dutyTemplate.id,
    'shift-swaps': dutySwap.id,
    assignmentId: dutyAssignment.id,
    perks: perk.id,
    redemptions: redemption.id,
    activities: activity.id,
  };
}

/** The route's URL with the records' ids in it, and a sample query string. */
function urlOf(route: RouteInfo, records: Records): string {
  const record = recordOf(route.url);
  const path = route.url
    .replace(':id', String(record ? records[record] : 0))
    .replace(':memberId', String(records.memberId))
    .replace(':photoId', '1')
    .replace(':action', route.url.startsWith('/api/votes/') ? 'open' : 'accept')
    .replace(':day', '2026-10-01')
    .replace(':recipientId', String(records['checkin-recipients']))
    .replace(':topicId', '1')
    .replace(':itemId', '1')
    .replace(':linkId', String(records.linkId))
    .replace(':milestoneId', String(records.milestoneId))
    .replace(':assignmentId', String(records.assignmentId))
    .replace(':signupId', '1')
    .replace(':claimId', String(records.claimId))
    .replace(':versionId', String(records.versionId));
  const query = sampleOf(route.schema.querystring);
  return query && Object.keys(query).length ? `${path}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` : path;
}

describe('permission walk generated from the registered routes', () => {
  let env: TestEnv;
  let home: { id: number; subdistrictId: number };
  let own: Records;
  let other: Records;
  let routes: RouteInfo[];

  beforeAll(async () => {
    env = await createTestEnv();
    home = await buildCommunity(env.ctx);
    const elsewhere = await buildCommunity(env.ctx); // in another subdistrict
    own = await seedCommunity(env, home, 'A');
    other = await seedCommunity(env, elsewhere, 'B');
    routes = env.app.routeTable.filter((r) => r.url.startsWith('/api/'));
  });
  afterAll(async () => env.close());

  it('lists the public routes explicitly, and every other route declares a permission', () => {
    expect(
      routes
        .filter((r) => r.public)
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([...PUBLIC_ROUTES].sort());
    expect(routes.filter((r) => !r.public && !r.permission)).toEqual([]);
    expect(routes.length).toBeGreaterThan(80);
  });

  it('knows the record behind every id route', () => {
    const unknown = routes.filter((r) => !r.public && r.url.includes('/:id') && !(recordOf(r.url)! in other)).map((r) => r.url);
    expect(unknown).toEqual([]);
  });

  it.each(roles)('%s: 403 without the permission, 404 for another community’s record', async (role: Role) => {
    const actor = await actorIn(env, role, home);
    const got: string[] = [];
    const want: string[] = [];
    for (const route of routes) {
      const p = route.permission;
      if (route.public || p === null || p === 'authenticated') continue;
      const body = sampleOf(route.schema.body);
      const call = (records: Records) =>
        env.app.inject({ method: route.method as 'GET', url: urlOf(route, records), payload: body as object, headers: { cookie: actor.cookie } });
      const name = `${route.method} ${route.url}`;
      if (p !== 'policy' && !roleCan(role, p)) {
        const res = await call(own);
        got.push(`${name}: ${res.statusCode} ${res.statusCode === 403 ? '' : res.body.slice(0, 120)}`.trim());
        want.push(`${name}: 403`);
      } else if (recordOf(route.url) && role !== 'system_admin') {
        const res = await call(other);
        got.push(`${name}: ${res.statusCode} ${res.statusCode === 404 ? '' : res.body.slice(0, 120)}`.trim());
        want.push(`${name}: 404`);
      }
    }
    expect(got).toEqual(want);
  });

  it('walks every id route of another community for the authenticated-only routes too', async () => {
    const actor = await actorIn(env, 'secretary', home);
    for (const route of routes.filter((r) => r.permission === 'authenticated' && recordOf(r.url))) {
      const res = await env.app.inject({ method: route.method as 'GET', url: urlOf(route, other), headers: { cookie: actor.cookie } });
      expect(res.statusCode, route.url).toBe(404);
    }
  });
});
