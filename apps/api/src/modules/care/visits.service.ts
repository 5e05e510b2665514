import crypto from 'node:crypto';
import fs from 'node:fs';
import type { CreateVisitInput, Page, Visit, VisitListQuery, VisitTicketInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { sniffImage, stripImageMetadata } from '../../platform/files/image.js';
import { writeStoredFile } from '../../platform/files/storage.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { accountNames } from '../people/index.js';
import { placeRefs } from '../places/index.js';
import { createTicket } from '../tickets/index.js';
import * as repo from './care.repository.js';
import { presentVisit } from './care.presenter.js';
import { pairedOnlyIds } from './care.policy.js';
import { maskName } from './mask.js';
import { monthRange } from './month.js';

export const MAX_VISIT_PHOTOS = 5;
const MAX_PHOTO_MB = 10;

async function present(ctx: AppContext, rows: repo.VisitRow[]): Promise<Visit[]> {
  const account = await accountNames(
    ctx.db,
    rows.flatMap((r) => (r.visitor_id ? [r.visitor_id] : [])),
  );
  return rows.map((r) => presentVisit(r, { account }));
}

export async function listVisits(ctx: AppContext, actor: Actor, query: VisitListQuery): Promise<Page<Visit>> {
  authorize(actor, 'care.visit');
  const cid = resolveCommunityId(actor, query.communityId);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  const range = query.month ? monthRange(query.month) : null;
  const { total, rows } = await repo.listVisits(
    ctx.db,
    cid,
    { recipientId: query.recipientId, recipientIds: only ?? undefined, from: range?.start, to: range?.end },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A visit: staff of the community, or a helper paired with the person visited; anyone else answers 404. */
async function visitRow(ctx: AppContext, actor: Actor, id: number) {
  const row = await repo.findVisit(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('visit');
  const cid = resolveCommunityId(actor, row.community_id);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  if (only && !only.includes(row.recipient_id)) throw notFound('visit');
  return { row, cid };
}

export async function getVisit(ctx: AppContext, actor: Actor, id: number): Promise<Visit> {
  authorize(actor, 'care.visit');
  return (await present(ctx, [(await visitRow(ctx, actor, id)).row]))[0]!;
}

/** Records a visit (on the phone, at the door): what was found. Someone who is not an active recipient is refused. */
export async function recordVisit(ctx: AppContext, actor: Actor, input: CreateVisitInput, now = new Date()): Promise<Visit> {
  authorize(actor, 'care.visit');
  const recipient = await repo.findRecipient(ctx.db, scopeOf(actor), input.recipientId);
  if (!recipient || recipient.status !== 'active') throw invalidField('recipientId', 'not_a_recipient');
  const cid = resolveCommunityId(actor, recipient.community_id);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  if (only && !only.includes(recipient.id)) throw invalidField('recipientId', 'not_a_recipient');
  const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
  if (visitedAt > new Date(now.getTime() + 5 * 60_000)) throw invalidField('visitedAt', 'date_in_future');
  const pairing = (await repo.pairingsOf(ctx.db, cid, recipient.id)).find((p) => p.account_id === actor.accountId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertVisit(trx, cid, {
      recipient_id: recipient.id,
      visitor_id: actor.accountId,
      pairing_id: pairing?.id ?? null,
      visited_at: visitedAt,
      wellbeing: input.wellbeing,
      health_finding: input.healthFinding ?? null,
      home_safety: input.homeSafety ?? null,
      needs: input.needs ?? null,
      follow_up: input.followUp ?? null,
      photos: '[]',
    });
    await repo.touchLastVisit(trx, cid, recipient.id, visitedAt);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.visited',
      entityType: 'care_recipient',
      entityId: recipient.id,
      changes: { visitId: row.id, visitedAt: visitedAt.toISOString(), wellbeing: input.wellbeing },
    });
    return row.id;
  });
  return getVisit(ctx, actor, id);
}

/** Photos of a visit (JPG or PNG, metadata such as the place stripped), kept under the files folder. */
export async function addVisitPhotos(ctx: AppContext, actor: Actor, id: number, files: Buffer[]): Promise<Visit> {
  authorize(actor, 'care.visit');
  const { row, cid } = await visitRow(ctx, actor, id);
  const existing = Array.isArray(row.photos) ? row.photos : [];
  if (files.length === 0) throw invalidField('photos', 'required');
  if (existing.length + files.length > MAX_VISIT_PHOTOS) throw invalidField('photos', 'too_many_files', { max: MAX_VISIT_PHOTOS });
  const cleaned = files.map((f) => {
    if (f.length > MAX_PHOTO_MB * 1024 * 1024) throw invalidField('photos', 'file_too_large', { max: MAX_PHOTO_MB });
    const mime = sniffImage(f);
    if (!mime) throw invalidField('photos', 'invalid_image');
    try {
      return { ext: mime === 'image/png' ? 'png' : 'jpg', data: stripImageMetadata(f) };
    } catch {
      throw invalidField('photos', 'invalid_image');
    }
  });
  const paths: string[] = [];
  for (const c of cleaned) {
    const name = `care/${cid}/${id}/${crypto.createHash('sha256').update(c.data).digest('hex').slice(0, 24)}.${c.ext}`;
    paths.push(await writeStoredFile(ctx.config, name, async (tmp) => fs.promises.writeFile(tmp, c.data)));
  }
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setVisitPhotos(trx, cid, id, [...existing, ...paths]);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.visit_photos',
      entityType: 'care_recipient',
      entityId: row.recipient_id,
      changes: { visitId: id, photos: paths.length },
    });
  });
  return getVisit(ctx, actor, id);
}

/** What a need found on a visit says, for a wish, a help-list entry or a ticket; the name masked (it may go far). */
export async function needOfVisit(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'care.visit');
  const { row, cid } = await visitRow(ctx, actor, id);
  if (!row.needs) throw invalidField('needs', 'required');
  const [place] = await placeRefs.residentPlaces(ctx.db, cid, [row.resident_id]);
  return {
    communityId: cid,
    visitId: row.id,
    recipientId: row.recipient_id,
    residentId: row.resident_id,
    compoundId: place?.compound_id ?? null,
    title: `探访发现：${row.needs.slice(0, 40)}`,
    description: `${row.needs}\n（关爱对象 ${maskName(row.recipient_name)}，${row.visited_at.toISOString().slice(0, 10)} 探访时提出）`,
    handedOff: row.handoff_kind !== null,
  };
}

/** One tap: the need found on a visit becomes a ticket (channel 上门走访), and the visit keeps its reference. */
export async function visitToTicket(ctx: AppContext, actor: Actor, id: number, input: VisitTicketInput): Promise<Visit> {
  // Another community's visit answers 404 before the ticket right is asked for.
  const need = await needOfVisit(ctx, actor, id);
  authorize(actor, 'tickets.intake');
  if (need.handedOff) throw new AppError('INVALID_STATE', 'the need of this visit is already a ticket');
  const ticket = await createTicket(ctx, actor, {
    communityId: need.communityId,
    channel: 'door_visit',
    categoryId: input.categoryId,
    title: input.title || need.title.slice(0, 60),
    description: input.description || need.description,
    compoundId: need.compoundId,
    isAnonymous: false,
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setVisitTicket(trx, need.communityId, id, ticket.id, ticket.code);
    await writeAudit(trx, actor, {
      communityId: need.communityId,
      action: 'care.need_to_ticket',
      entityType: 'care_recipient',
      entityId: need.recipientId,
      changes: { visitId: id, ticketId: ticket.id },
    });
  });
  return getVisit(ctx, actor, id);
}

/**
 * Called by the wishes or help module in its own transaction after it made a wish or help-list entry of a visit's need
 * (`needOfVisit`): the visit keeps the reference and the audit says so. False when the need was handed off already.
 */
export async function markVisitHandedOff(
  trx: Parameters<typeof repo.setVisitHandoff>[0],
  actor: Actor,
  need: { communityId: CommunityId; visitId: number; recipientId: number },
  kind: 'wish' | 'help',
  refId: number,
) {
  const r = await repo.setVisitHandoff(trx, need.communityId, need.visitId, kind, refId);
  if (Number(r.numUpdatedRows) === 0) return false;
  await writeAudit(trx, actor, {
    communityId: need.communityId,
    action: `care.need_to_${kind}`,
    entityType: 'care_recipient',
    entityId: need.recipientId,
    changes: { visitId: need.visitId, [`${kind}Id`]: refId },
  });
  return true;
}
