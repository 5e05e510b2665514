// Rows the 书记面对面 tests need from their neighbours: organisations serving a community, a contact account, a ticket
// escalated to an organisation (an escalation row as the escalations module writes it).
import { ensureCategoriesIn } from '../src/modules/tickets/index.js';
import { trustedCommunityId } from '../src/platform/access/trusted-scope.js';
import { buildAccount, httpAs, loginAs, type TestEnv } from './harness.js';

let seq = 0;

/** A functional department serving the community. */
export async function buildDepartment(env: TestEnv, communityId: number, name: string, departmentType = 'chengguan') {
  const org = await env.ctx.db
    .insertInto('organisations')
    .values({
      kind: 'department',
      department_type: departmentType,
      name: `${name}${++seq}`,
      contact_name: null,
      contact_phone: '0574-86123456',
      address: null,
      subdistrict_id: null,
      community_id: null,
      partner_id: null,
      created_by: null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  await env.ctx.db.insertInto('organisation_areas').values({ organisation_id: org.id, area_kind: 'community', area_id: communityId }).execute();
  return org;
}

/** A logged-in department contact account of the organisation. */
export async function buildContact(env: TestEnv, organisationId: number) {
  const account = await buildAccount(env.ctx, { role: 'department_contact' });
  await env.ctx.db.updateTable('accounts').set({ organisation_id: organisationId }).where('id', '=', account.id).execute();
  return { account, cookie: await loginAs(env.app, account.username) };
}

/** A ticket registered by the secretary and escalated to the organisation (pending its answer). */
export async function buildEscalation(
  env: TestEnv,
  secretary: { cookie: string; account: { id: number } },
  communityId: number,
  organisationId: number,
  title: string,
) {
  const categories = await ensureCategoriesIn(env.ctx.db, trustedCommunityId(communityId));
  const res = await httpAs(env.app, secretary).post('/api/tickets', {
    channel: 'walk_in',
    categoryId: categories[0]!.id,
    title,
    description: `${title}，居民多次反映`,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const ticket = res.json() as { id: number; code: string };
  const esc = await env.ctx.db
    .insertInto('escalations')
    .values({
      community_id: communityId,
      ticket_id: ticket.id,
      organisation_id: organisationId,
      parent_id: null,
      status: 'pending',
      reason: '超出社区能力，需职能部门处理',
      due_at: new Date(Date.now() + 5 * 86_400_000),
      ticket_status_before: 'accepted',
      requested_by: null,
      requested_at: null,
      approved_by: secretary.account.id,
      approved_at: new Date(),
      accepted_at: null,
      answered_at: null,
      ended_at: null,
      result_text: null,
      reminded_before_at: null,
      reminded_due_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: esc.id, ticket };
}
