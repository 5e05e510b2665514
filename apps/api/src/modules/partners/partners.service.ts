import type { CreatePartnerInput, Page, Partner, PartnerListQuery, UpdatePartnerInput } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound, uniqueAs } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import * as repo from './partners.repository.js';
import { presentPartner } from './partners.presenter.js';

/** A unique violation on (community, name) names the field. */
const nameTaken = uniqueAs('name');

/** The contact phone sealed for storage; undefined leaves it as it is, null clears it. */
function sealContactPhone(ctx: AppContext, phone: string | null | undefined) {
  if (phone === undefined) return {};
  const sealed = ctx.pii.seal(phone, maskPhone);
  return { contact_phone_enc: sealed.enc, contact_phone_masked: sealed.masked };
}

export async function listPartners(ctx: AppContext, actor: Actor, query: PartnerListQuery): Promise<Page<Partner>> {
  authorize(actor, 'partners.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const { total, rows } = await repo.listPartners(
    ctx.db,
    cid,
    { kind: query.kind, q: query.q?.trim() || undefined, includeArchived: query.includeArchived === 'true' },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  return { items: rows.map(presentPartner), total, page: query.page, pageSize: query.pageSize };
}

export async function getPartner(ctx: AppContext, actor: Actor, id: number): Promise<Partner> {
  authorize(actor, 'partners.read');
  const row = await repo.findPartner(ctx.db, scopeIds(actor), id);
  if (!row) throw notFound('partner');
  return presentPartner(row);
}

/** Registers a partner (共建单位); the contact phone is encrypted at rest and only its mask is answered. */
export async function createPartner(ctx: AppContext, actor: Actor, input: CreatePartnerInput): Promise<Partner> {
  authorize(actor, 'partners.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const phone = sealContactPhone(ctx, input.contactPhone ?? null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo
      .insertPartner(trx, cid, {
        name: input.name,
        kind: input.kind,
        contact_name: input.contactName ?? null,
        contact_phone_enc: phone.contact_phone_enc ?? null,
        contact_phone_masked: phone.contact_phone_masked ?? null,
        address: input.address ?? null,
        description: input.description ?? null,
        joined_on: input.joinedOn ?? null,
      })
      .catch(nameTaken);
    const { contactPhone: _plain, communityId: _c, ...rest } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'partner.created',
      entityType: 'partner',
      entityId: row.id,
      changes: { ...rest, contactPhoneMasked: phone.contact_phone_masked ?? null },
    });
    return row.id;
  });
  return getPartner(ctx, actor, id);
}

export async function updatePartner(ctx: AppContext, actor: Actor, id: number, input: UpdatePartnerInput): Promise<Partner> {
  authorize(actor, 'partners.write');
  const before = await getPartner(ctx, actor, id);
  if (before.archivedAt) throw new AppError('INVALID_STATE', 'partner is archived');
  const phone = sealContactPhone(ctx, input.contactPhone);
  await ctx.db.transaction().execute(async (trx) => {
    await repo
      .updatePartner(trx, resolveCommunityId(actor, before.communityId), id, {
        name: input.name,
        kind: input.kind,
        contact_name: input.contactName,
        address: input.address,
        description: input.description,
        joined_on: input.joinedOn,
        ...phone,
      })
      .catch(nameTaken);
    // The audit keeps the mask, never the number.
    const { contactPhone: _plain, ...rest } = input;
    const changes = diff(before, { ...rest, ...(input.contactPhone !== undefined ? { contactPhoneMasked: phone.contact_phone_masked } : {}) });
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'partner.updated', entityType: 'partner', entityId: id, changes });
  });
  return getPartner(ctx, actor, id);
}

/** Ends the partnership; the partner stays in the ledger with what it gave. */
export async function archivePartner(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Partner> {
  authorize(actor, 'partners.write');
  const before = await getPartner(ctx, actor, id);
  if (before.archivedAt) throw new AppError('INVALID_STATE', 'partner is already archived');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updatePartner(trx, resolveCommunityId(actor, before.communityId), id, { archived_at: new Date() });
    await writeAudit(trx, actor, { communityId: before.communityId, action: 'partner.archived', entityType: 'partner', entityId: id, reason });
  });
  return getPartner(ctx, actor, id);
}
