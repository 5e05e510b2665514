import type { CreatePairingInput, Page, Pairing, PairingListQuery } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { maskPhone } from '../../platform/crypto/pii.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { accountNames, peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import * as repo from './care.repository.js';
import { presentPairing } from './care.presenter.js';
import { pairedOnlyIds } from './care.policy.js';

type PairingRows = Awaited<ReturnType<typeof repo.listPairings>>['rows'];

async function present(ctx: AppContext, rows: PairingRows): Promise<Pairing[]> {
  const account = await accountNames(
    ctx.db,
    rows.flatMap((r) => (r.account_id ? [r.account_id] : [])),
  );
  const partnerIds = [...new Set(rows.flatMap((r) => (r.partner_id ? [r.partner_id] : [])))];
  const partner = new Map((partnerIds.length ? await partnerRefs.partnerNames(ctx.db, partnerIds) : []).map((p) => [p.id, p.name]));
  return rows.map((r) => presentPairing(r, { account, partner }));
}

export async function listPairings(ctx: AppContext, actor: Actor, query: PairingListQuery): Promise<Page<Pairing>> {
  authorize(actor, 'care.visit');
  const cid = resolveCommunityId(actor, query.communityId);
  const only = await pairedOnlyIds(ctx.db, actor, cid);
  const { total, rows } = await repo.listPairings(
    ctx.db,
    cid,
    {
      recipientId: query.recipientId,
      helperKind: query.helperKind,
      includeEnded: query.includeEnded === 'true',
      accountId: only ? actor.accountId : undefined,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await present(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getPairing(ctx: AppContext, actor: Actor, id: number): Promise<Pairing> {
  authorize(actor, 'care.visit');
  const row = await repo.findPairing(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('pairing');
  const only = await pairedOnlyIds(ctx.db, actor, resolveCommunityId(actor, row.community_id));
  if (only && row.account_id !== actor.accountId) throw notFound('pairing');
  return (await present(ctx, [row]))[0]!;
}

/** The helper must be someone of the community: an active account, or a doctor of one of its partner clinics. */
async function checkHelper(ctx: AppContext, cid: CommunityId, input: CreatePairingInput) {
  let name = input.helperName ?? null;
  if (input.accountId) {
    const a = await peopleRefs.activeAccountRef(ctx.db, cid, input.accountId);
    if (!a) throw invalidField('accountId', 'not_found');
    name ??= a.name;
  } else if (input.helperKind !== 'doctor') throw invalidField('accountId', 'required');
  if (input.helperKind === 'doctor') {
    if (!input.partnerId) throw invalidField('partnerId', 'required');
    if (!(await partnerRefs.findPartnerRef(ctx.db, cid, input.partnerId))) throw invalidField('partnerId', 'not_found');
    if (!name) throw invalidField('helperName', 'required');
  } else if (input.partnerId) throw invalidField('partnerId', 'invalid_option');
  return name;
}

/** Pairs a recipient with a helper (结对): what they do and how often; `ladderOrder` orders who a missed check-in reaches first. */
export async function createPairing(ctx: AppContext, actor: Actor, input: CreatePairingInput): Promise<Pairing> {
  authorize(actor, 'care.write');
  const recipient = await repo.findRecipient(ctx.db, scopeOf(actor), input.recipientId);
  if (!recipient || recipient.status !== 'active') throw invalidField('recipientId', 'not_a_recipient');
  const cid = resolveCommunityId(actor, recipient.community_id);
  const name = await checkHelper(ctx, cid, input);
  const phone = ctx.pii.seal(input.helperPhone ?? null, maskPhone);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertPairing(trx, cid, {
      recipient_id: recipient.id,
      helper_kind: input.helperKind,
      account_id: input.accountId ?? null,
      partner_id: input.partnerId ?? null,
      helper_name: input.accountId && !input.helperName ? null : name,
      helper_phone_enc: phone.enc,
      helper_phone_masked: phone.masked,
      duties: [...new Set(input.duties)],
      frequency: input.frequency,
      ladder_order: input.ladderOrder ?? 1,
      created_by: actor.accountId,
    });
    const { helperPhone: _p, ...rest } = input;
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.paired',
      entityType: 'care_recipient',
      entityId: recipient.id,
      changes: { pairingId: row.id, ...rest, helperPhoneMasked: phone.masked },
    });
    return row.id;
  });
  return getPairing(ctx, actor, id);
}

export async function endPairing(ctx: AppContext, actor: Actor, id: number, reason: string): Promise<Pairing> {
  authorize(actor, 'care.write');
  const row = await repo.findPairing(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('pairing');
  if (!row.active) throw new AppError('INVALID_STATE', 'pairing has ended');
  const cid = resolveCommunityId(actor, row.community_id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.endPairing(trx, cid, id);
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'care.unpaired',
      entityType: 'care_recipient',
      entityId: row.recipient_id,
      changes: { pairingId: id },
      reason,
    });
  });
  return getPairing(ctx, actor, id);
}
