import type { PartnerPortal } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { notFound } from '../../platform/errors.js';
import { beijingDate } from '../../platform/time.js';
import { ownPartnerOf } from './offers.access.js';
import { partnerInCommunity } from './offers.repository.js';
import { listResources } from './resources.service.js';
import { presentAgreements } from './agreements.service.js';
import { presentContributions, yearTotals } from './contributions.service.js';
import * as agreements from './agreements.repository.js';
import * as contributions from './contributions.repository.js';

/**
 * The partner contact's own page: its offers (editable), its agreements and its contributions with this year's
 * totals. What it claimed (wishes, orders) is added by those modules beside this (see the web portal's slot).
 */
export async function partnerPortal(ctx: AppContext, actor: Actor): Promise<PartnerPortal> {
  authorize(actor, 'partners.portal');
  const cid = resolveCommunityId(actor);
  const own = await ownPartnerOf(ctx, actor);
  const partner = own ? await partnerInCommunity(ctx.db, cid, own) : undefined;
  if (!partner) throw notFound('partner');
  const page = { offset: 0, limit: 200, order: 'desc' as const };
  const today = beijingDate(new Date());
  const [res, agr, con] = await Promise.all([
    listResources(ctx, actor, { page: 1, pageSize: 200, order: 'desc', sort: 'updatedAt' }),
    agreements.listAgreements(ctx.db, cid, { partnerId: partner.id, today }, { ...page, sort: 'endsOn' }),
    contributions.listContributions(ctx.db, cid, { partnerId: partner.id }, { ...page, sort: 'contributedOn' }),
  ]);
  const year = Number(today.slice(0, 4));
  return {
    partner: { id: partner.id, name: partner.name, kind: partner.kind },
    resources: res.items,
    agreements: await presentAgreements(ctx, agr.rows),
    contributions: await presentContributions(ctx, con.rows),
    totals: (await yearTotals(ctx, cid, year, partner.id)).items,
  };
}
