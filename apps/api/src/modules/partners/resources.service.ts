import {
  isOrganisationPhone,
  type CreateResourceInput,
  type Page,
  type PublicResourceList,
  type Resource,
  type ResourceListQuery,
  type UpdateResourceInput,
} from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, canSeeCommunity, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { AppError, forbidden, invalidField, notFound } from '../../platform/errors.js';
import { diff, writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { placeRefs } from '../places/index.js';
import { peopleRefs } from '../people/index.js';
import { organisationsByIds } from '../orgs/index.js';
import * as repo from './resources.repository.js';
import { partnerInCommunity } from './offers.repository.js';
import { presentPublicResource, presentResource } from './resources.presenter.js';
import { isStaffWriter, ownPartnerOf } from './offers.access.js';

async function compoundNameMap(ctx: AppContext, rows: { compound_id: number | null }[]) {
  const ids = [...new Set(rows.map((r) => r.compound_id).filter((x): x is number => x != null))];
  return new Map((await placeRefs.compoundNames(ctx.db, ids)).map((c) => [c.id, c.name]));
}
async function present(ctx: AppContext, row: repo.ResourceRow) {
  const names = await compoundNameMap(ctx, [row]);
  return presentResource(row, row.compound_id != null ? (names.get(row.compound_id) ?? null) : null);
}

export async function listResources(ctx: AppContext, actor: Actor, query: ResourceListQuery): Promise<Page<Resource>> {
  authorize(actor, 'resources.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const own = await ownPartnerOf(ctx, actor);
  if (own === null) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { total, rows } = await repo.listResources(
    ctx.db,
    cid,
    {
      category: query.category,
      kind: query.kind,
      providerKind: query.providerKind,
      partnerId: own ?? query.partnerId,
      compoundId: query.compoundId,
      q: query.q?.trim() || undefined,
      includeArchived: query.includeArchived === 'true',
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize, sort: query.sort, order: query.order },
  );
  const names = await compoundNameMap(ctx, rows);
  return {
    items: rows.map((r) => presentResource(r, r.compound_id != null ? (names.get(r.compound_id) ?? null) : null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The row if the actor may see it: its community in scope, and for a contact its own partner's; else 404. */
async function loadVisible(ctx: AppContext, actor: Actor, id: number) {
  const at = await repo.resourceCommunity(ctx.db, id);
  if (!at || !canSeeCommunity(actor, at.community_id)) throw notFound('resource');
  const cid = resolveCommunityId(actor, at.community_id);
  const row = await repo.findResource(ctx.db, cid, id);
  if (!row) throw notFound('resource');
  const own = await ownPartnerOf(ctx, actor);
  if (own !== undefined && (own === null || row.partner_id !== own)) throw notFound('resource');
  return { row, cid };
}

export async function getResource(ctx: AppContext, actor: Actor, id: number): Promise<Resource> {
  authorize(actor, 'resources.read');
  return present(ctx, (await loadVisible(ctx, actor, id)).row);
}

/** Who offers it, checked in the community; a contact may offer only as its own partner. */
async function resolveProvider(ctx: AppContext, actor: Actor, cid: CommunityId, input: CreateResourceInput) {
  const own = await ownPartnerOf(ctx, actor);
  if (own === null) throw forbidden('no partner is linked to this contact');
  const none = { partner_id: null, organisation_id: null, team_id: null, resident_id: null };
  if (own !== undefined && input.providerKind !== 'partner' && input.providerKind !== 'merchant') throw invalidField('providerKind', 'invalid_option');
  switch (input.providerKind) {
    case 'partner':
    case 'merchant': {
      const id = own ?? input.partnerId;
      if (id == null) throw invalidField('partnerId', 'required');
      if (own !== undefined && input.partnerId != null && input.partnerId !== own) throw invalidField('partnerId', 'not_found');
      const p = await partnerInCommunity(ctx.db, cid, id);
      if (!p || p.archived_at) throw invalidField('partnerId', 'not_found');
      return { ...none, partner_id: p.id, provider_kind: p.kind === 'merchant' ? 'merchant' : 'partner', provider_name: p.name };
    }
    case 'organisation': {
      if (input.organisationId == null) throw invalidField('organisationId', 'required');
      const o = (await organisationsByIds(ctx.db, [input.organisationId])).get(input.organisationId);
      if (!o || o.archived_at || (o.community_id != null && o.community_id !== cid)) throw invalidField('organisationId', 'not_found');
      return { ...none, organisation_id: o.id, provider_kind: 'organisation', provider_name: o.name };
    }
    case 'team': {
      if (input.teamId == null) throw invalidField('teamId', 'required');
      const t = await peopleRefs.teamRef(ctx.db, cid, input.teamId);
      if (!t) throw invalidField('teamId', 'not_found');
      return { ...none, team_id: t.id, provider_kind: 'team', provider_name: t.name };
    }
    case 'resident': {
      if (input.residentId == null) throw invalidField('residentId', 'required');
      const r = await placeRefs.findResidentRef(ctx.db, cid, input.residentId);
      if (!r || r.archived_at) throw invalidField('residentId', 'not_found');
      return { ...none, resident_id: r.id, provider_kind: 'resident', provider_name: r.name };
    }
  }
}

/** A resident's number is personal (sealed, masked); an organisation's desk number is not. */
function contactPhoneValues(ctx: AppContext, providerKind: string, phone: string | null | undefined) {
  if (phone === undefined) return {};
  const v = phone?.trim() || null;
  if (providerKind === 'resident') {
    if (v && !/^1[3-9]\d{9}$/.test(v)) throw invalidField('contactPhone', 'invalid_phone');
    const sealed = ctx.pii.seal(v, maskPhone);
    return { contact_phone: null, contact_phone_enc: sealed.enc, contact_phone_masked: sealed.masked };
  }
  if (v && !isOrganisationPhone(v)) throw invalidField('contactPhone', 'invalid_org_phone');
  return { contact_phone: v, contact_phone_enc: null, contact_phone_masked: null };
}

async function checkCompound(ctx: AppContext, cid: CommunityId, compoundId: number | null | undefined) {
  if (compoundId != null && !(await placeRefs.findCompoundRef(ctx.db, cid, compoundId))) throw invalidField('compoundId', 'not_found');
}

/** The audit keeps what changed, never a resident's number. */
const auditable = (input: Partial<CreateResourceInput>) => {
  const { contactPhone: _p, communityId: _c, ...rest } = input;
  return rest;
};

export async function createResource(ctx: AppContext, actor: Actor, input: CreateResourceInput): Promise<Resource> {
  authorize(actor, 'resources.write');
  const cid = resolveCommunityId(actor, input.communityId);
  const provider = await resolveProvider(ctx, actor, cid, input);
  await checkCompound(ctx, cid, input.compoundId);
  const phone = contactPhoneValues(ctx, provider.provider_kind, input.contactPhone ?? null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertResource(trx, cid, {
      ...provider,
      provider_name: provider.provider_kind === 'organisation' && input.providerName ? input.providerName : provider.provider_name,
      title: input.title,
      description: input.description ?? null,
      category: input.category,
      kind: input.kind,
      price_kind: input.priceKind ?? 'free',
      price_note: input.priceNote ?? null,
      compound_id: input.compoundId ?? null,
      audience: input.audience ?? null,
      availability: input.availability ?? null,
      capacity: input.capacity ?? null,
      contact_name: input.contactName ?? null,
      contact_phone: phone.contact_phone ?? null,
      contact_phone_enc: phone.contact_phone_enc ?? null,
      contact_phone_masked: phone.contact_phone_masked ?? null,
      is_public: input.isPublic ?? true,
      created_by: actor.accountId,
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'resource.created',
      entityType: 'resource',
      entityId: row.id,
      changes: {
        ...auditable(input),
        providerKind: provider.provider_kind,
        ...(phone.contact_phone_masked ? { contactPhoneMasked: phone.contact_phone_masked } : {}),
      },
    });
    return row.id;
  });
  return getResource(ctx, actor, id);
}

export async function updateResource(ctx: AppContext, actor: Actor, id: number, input: UpdateResourceInput): Promise<Resource> {
  authorize(actor, 'resources.write');
  const { row, cid } = await loadVisible(ctx, actor, id);
  if (row.archived_at) throw new AppError('INVALID_STATE', 'resource is archived');
  await checkCompound(ctx, cid, input.compoundId);
  const phone = contactPhoneValues(ctx, row.provider_kind, input.contactPhone);
  const before = presentResource(row, null);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateResource(trx, cid, id, {
      title: input.title,
      description: input.description,
      category: input.category,
      kind: input.kind,
      price_kind: input.priceKind,
      price_note: input.priceNote,
      compound_id: input.compoundId,
      audience: input.audience,
      availability: input.availability,
      capacity: input.capacity,
      contact_name: input.contactName,
      is_public: input.isPublic,
      ...phone,
    });
    const shownPhone =
      input.contactPhone === undefined
        ? {}
        : { contactPhone: row.provider_kind === 'resident' ? (phone.contact_phone_masked ?? null) : (phone.contact_phone ?? null) };
    const changes = diff(before, { ...auditable(input), ...shownPhone });
    await writeAudit(trx, actor, { communityId: cid, action: 'resource.updated', entityType: 'resource', entityId: id, changes });
  });
  return getResource(ctx, actor, id);
}

/** Staff take an offer off the list; the row stays for the ledger. */
export async function archiveResource(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Resource> {
  authorize(actor, 'resources.write');
  // Another community's or partner's offer answers 404 before the contact hears it may not archive.
  const { row, cid } = await loadVisible(ctx, actor, id);
  if (!isStaffWriter(actor)) throw forbidden('only staff archive offers');
  if (row.archived_at) throw new AppError('INVALID_STATE', 'resource is already archived');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateResource(trx, cid, id, { archived_at: new Date() });
    await writeAudit(trx, actor, { communityId: cid, action: 'resource.archived', entityType: 'resource', entityId: id, reason });
  });
  return getResource(ctx, actor, id);
}

/** The phone page's 15-minute life circle: public, active offers of a community by compound and category. */
export async function publicResources(ctx: AppContext, code: string, q: { compoundId?: number; category?: string }): Promise<PublicResourceList> {
  const community = await placeRefs.communityByCode(ctx.db, code);
  if (!community) throw notFound('community');
  // Public by design: the community is named by its public code, and only public offers without personal data leave.
  const cid = trustedCommunityId(community.id);
  const rows = [];
  // At most 500 offers on one phone page; a circle larger than that is filtered by compound or category first.
  for (let after = 0; rows.length < 500;) {
    const batch = await repo.resourcesAfter(ctx.db, cid, { publicOnly: true, compoundId: q.compoundId, category: q.category }, after, 250);
    rows.push(...batch);
    if (batch.length < 250) break;
    after = batch.at(-1)!.id;
  }
  const names = await compoundNameMap(ctx, rows);
  const compounds = await placeRefs.compoundsOf(ctx.db, cid, true);
  return {
    community: { id: community.id, name: community.name },
    compounds,
    items: rows.map((r) => presentPublicResource(r, r.compound_id != null ? (names.get(r.compound_id) ?? null) : null)),
  };
}
