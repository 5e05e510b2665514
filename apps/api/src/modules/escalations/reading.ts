import type { EscalationListQuery, Escalation, EscalationNoteKind, EscalationStatus, OrganisationKind, Page, WhistleBoard } from '@linli/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppContext } from '../../platform/context.js';
import { authorize, scopeOf, type Actor } from '../../platform/access/actor.js';
import { notFound } from '../../platform/errors.js';
import { ticketEscalation } from '../tickets/index.js';
import * as orgs from '../orgs/index.js';
import * as places from '../places/index.js';
import { accountNames } from '../people/index.js';
import * as repo from './escalations.repository.js';
import { isOverdue, responseHours } from './escalation-rules.js';

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A contact reads only its organisation's escalations; staff those of their communities. */
export function reachOf(actor: Actor): repo.EscalationReach {
  if (orgs.isContact(actor)) return { scope: scopeOf(actor), organisationId: actor.organisationId ?? -1 };
  return { scope: scopeOf(actor) };
}

export const sentAt = (r: { requested_by: number | null; approved_at: Date | null; created_at: Date }) =>
  r.requested_by != null && !r.approved_at ? null : (r.approved_at ?? r.created_at);

/** Rows to responses, with names read in one query per kind. */
export async function present(db: Db, rows: repo.EscalationRow[], now = new Date()): Promise<Escalation[]> {
  const ids = rows.map((r) => r.id);
  const [replies, children] = await Promise.all([repo.repliesOf(db, ids), repo.childrenOf(db, ids)]);
  const orgIds = [
    ...new Set([...rows.map((r) => r.organisation_id), ...children.map((c) => c.organisation_id), ...replies.flatMap((r) => r.organisation_id ?? [])]),
  ];
  const ticketIds = [...new Set(rows.map((r) => r.ticket_id))];
  const [organisations, tickets, communities, names, photos] = await Promise.all([
    orgs.organisationsByIds(db, orgIds),
    ticketEscalation.ticketSummaries(db, ticketIds),
    places.communityRefs(db, [...new Set(rows.map((r) => r.community_id))]),
    accountNames(db, [...rows.flatMap((r) => [r.requested_by ?? [], r.approved_by ?? []].flat()), ...replies.flatMap((r) => r.actor_id ?? [])]),
    ticketEscalation.ticketPhotoIds(db, ticketIds),
  ]);
  return rows.map((r) => {
    const t = tickets.get(r.ticket_id);
    const org = organisations.get(r.organisation_id);
    return {
      id: r.id,
      communityId: r.community_id,
      communityName: communities.get(r.community_id)?.name ?? '',
      ticketId: r.ticket_id,
      ticketCode: t?.code ?? '',
      ticketTitle: t?.title ?? '',
      ticketDescription: t?.description ?? null,
      ticketAddress: t?.address_text ?? null,
      photoIds: photos.get(r.ticket_id) ?? [],
      organisationId: r.organisation_id,
      organisationName: org?.name ?? '',
      organisationKind: (org?.kind ?? 'department') as OrganisationKind,
      parentId: r.parent_id,
      status: r.status as EscalationStatus,
      reason: r.reason,
      dueAt: r.due_at.toISOString(),
      overdue: isOverdue(r, now),
      pauseClock: r.pause_clock,
      requestedByName: r.requested_by != null ? (names.get(r.requested_by) ?? null) : null,
      approvedByName: r.approved_by != null ? (names.get(r.approved_by) ?? null) : null,
      createdAt: r.created_at.toISOString(),
      acceptedAt: iso(r.accepted_at),
      answeredAt: iso(r.answered_at),
      endedAt: iso(r.ended_at),
      resultText: r.result_text,
      responseHours: responseHours({ ...r, sent_at: sentAt(r) }, now),
      replies: replies
        .filter((x) => x.escalation_id === r.id)
        .map((x) => ({
          id: x.id,
          kind: x.kind as EscalationNoteKind,
          text: x.text,
          actorName: x.actor_id != null ? (names.get(x.actor_id) ?? null) : null,
          organisationName: x.organisation_id != null ? (organisations.get(x.organisation_id)?.name ?? null) : null,
          onBehalf: x.on_behalf,
          createdAt: x.created_at.toISOString(),
        })),
      children: children
        .filter((c) => c.parent_id === r.id)
        .map((c) => ({
          id: c.id,
          organisationName: organisations.get(c.organisation_id)?.name ?? '',
          status: c.status as EscalationStatus,
          dueAt: c.due_at.toISOString(),
          overdue: isOverdue(c, now),
        })),
    };
  });
}

export async function getEscalation(ctx: AppContext, actor: Actor, id: number): Promise<Escalation> {
  authorize(actor, 'escalations.read');
  const row = await repo.findEscalation(ctx.db, reachOf(actor), id);
  if (!row) throw notFound('escalation');
  return (await present(ctx.db, [row]))[0]!;
}

export async function listEscalations(ctx: AppContext, actor: Actor, q: EscalationListQuery): Promise<Page<Escalation>> {
  authorize(actor, 'escalations.read');
  const now = new Date();
  const { total, rows } = await repo.listEscalations(
    ctx.db,
    reachOf(actor),
    {
      status: q.status,
      organisationId: q.organisationId,
      ticketId: q.ticketId,
      communityId: q.communityId,
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      open: q.open === 'true',
    },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
    now,
  );
  return { items: await present(ctx.db, rows, now), total, page: q.page, pageSize: q.pageSize };
}

/**
 * The whistle board (吹哨报到) of a subdistrict: every whistle to its office with the departments it went to, and the
 * departments ranked by answers, overdue and response time.
 */
export async function whistleBoard(
  ctx: AppContext,
  actor: Actor,
  q: { status?: string; overdue?: 'true' | 'false'; organisationId?: number },
): Promise<WhistleBoard> {
  authorize(actor, 'escalations.board');
  const now = new Date();
  const offices = actor.subdistrictId != null ? await orgs.subdistrictOffices(ctx.db, actor.subdistrictId) : [];
  const reach: repo.EscalationReach = {
    scope: scopeOf(actor),
    organisationIds: actor.role === 'system_admin' && actor.subdistrictId == null ? undefined : offices.map((o) => o.id),
  };
  const { rows } = await repo.listEscalations(
    ctx.db,
    reach,
    { status: q.status, overdue: q.overdue === undefined ? undefined : q.overdue === 'true', topLevel: true },
    { offset: 0, limit: 500 },
    now,
  );
  let whistles = (await present(ctx.db, rows, now)).filter((w) => w.organisationKind === 'subdistrict_office');
  if (q.organisationId) {
    const childOrgs = await repo.childrenOf(
      ctx.db,
      whistles.map((w) => w.id),
    );
    const keep = new Set(childOrgs.filter((c) => c.organisation_id === q.organisationId).map((c) => c.parent_id));
    whistles = whistles.filter((w) => keep.has(w.id));
  }
  return { whistles, ranking: await departmentRanking(ctx.db, actor, now) };
}

/**
 * The departments' ranking over the actor's communities; the dashboard narrows it to the communities and the period it
 * ranks, so both tables beside each other speak of the same escalations.
 */
export async function departmentRanking(db: Db, actor: Actor, now = new Date(), within: repo.RankingWithin = {}) {
  const rows = await repo.rankingOf(db, scopeOf(actor), null, now, within);
  const organisations = await orgs.organisationsByIds(
    db,
    rows.map((r) => r.organisation_id),
  );
  return rows
    .filter((r) => organisations.get(r.organisation_id)?.kind === 'department')
    .map((r) => ({
      organisationId: r.organisation_id,
      organisationName: organisations.get(r.organisation_id)?.name ?? '',
      total: Number(r.total),
      open: Number(r.open),
      answered: Number(r.answered),
      overdue: Number(r.overdue),
      averageResponseHours: r.avg_hours == null ? null : Math.round(Number(r.avg_hours) * 10) / 10,
    }))
    .sort(
      (a, b) =>
        b.answered / Math.max(1, b.total) - a.answered / Math.max(1, a.total) ||
        a.overdue - b.overdue ||
        (a.averageResponseHours ?? 1e9) - (b.averageResponseHours ?? 1e9),
    );
}
