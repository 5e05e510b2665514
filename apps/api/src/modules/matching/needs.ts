import { helpCategoryLabels, type Locale, type MatchNeedKind } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { scopeOf, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { communityIn, type CommunityId } from '../../platform/db/scope.js';
import { getTicket } from '../tickets/index.js';
import { helpNeedForMatch } from '../help/index.js';
import { wishNeed } from '../wishes/index.js';
import { placeRefs } from '../places/index.js';
import { categoriesOf, matchTerms } from './synonyms.js';
import type { MatchNeed } from './rank.js';

/** A need as matching sees it: where it is, its terms and categories, and a summary free of personal data. */
export interface ResolvedNeed extends MatchNeed {
  communityId: CommunityId;
  /** A ticket's title or a wish's text; a help need's category code (the request is sealed). */
  summary: string;
  closed: boolean;
}

async function gridOf(ctx: AppContext, cid: CommunityId, compoundId: number | null) {
  if (compoundId == null) return null;
  const [c] = await placeRefs.compoundGrids(ctx.db, cid, [compoundId]);
  return c?.grid_id ?? null;
}

/** A wish, read through the wishes module (its own scope check: another community's wish is not found). */
async function wishNeedOf(ctx: AppContext, actor: Actor, id: number) {
  return (await wishNeed(ctx.db, scopeOf(actor), id)) ?? null;
}

/** Reads the need from its owning module; another community's need answers 404. */
export async function resolveNeed(ctx: AppContext, actor: Actor, kind: MatchNeedKind, id: number): Promise<ResolvedNeed> {
  switch (kind) {
    case 'ticket': {
      const t = await getTicket(ctx, actor, id);
      const cid = communityIn(scopeOf(actor), t.communityId)!;
      const terms = matchTerms(`${t.categoryName} ${t.title} ${t.description}`);
      return {
        communityId: cid,
        terms,
        categories: categoriesOf(terms),
        compoundId: t.compoundId,
        gridId: await gridOf(ctx, cid, t.compoundId),
        summary: t.title,
        closed: t.status === 'closed',
      };
    }
    case 'help_need': {
      const h = await helpNeedForMatch(ctx, scopeOf(actor), id);
      if (!h) throw notFound('help_need');
      const terms = matchTerms(`${helpCategoryLabels['zh-CN'][h.category]} ${h.text}`);
      return {
        communityId: h.communityId,
        terms,
        categories: [...new Set([h.category, ...categoriesOf(terms)])],
        compoundId: h.compoundId,
        gridId: h.gridId,
        summary: h.category,
        closed: h.status === 'closed',
      };
    }
    case 'wish': {
      const w = await wishNeedOf(ctx, actor, id);
      if (!w) throw notFound('wish');
      const cid = communityIn(scopeOf(actor), w.communityId)!;
      const terms = matchTerms(`${w.category ?? ''} ${w.text}`);
      return {
        communityId: cid,
        terms,
        categories: categoriesOf(terms),
        compoundId: w.placeId,
        gridId: await gridOf(ctx, cid, w.placeId),
        summary: w.text,
        closed: false,
      };
    }
  }
}

/** The summary an order shows, in the reader's language. */
export function needSummaryText(kind: MatchNeedKind, summary: string, locale: Locale): string {
  if (kind === 'help_need') return helpCategoryLabels[locale][summary as 'other'] ?? summary;
  return summary;
}

export const closedNeed = () => new AppError('INVALID_STATE', 'the need is closed');
