import type { TicketStatus } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { jaccard, tokenize } from '../../../platform/text/segment.js';
import * as repo from '../tickets.repository.js';
import { withNames } from '../ticket-names.js';

/**
 * Likely duplicates among the community's open tickets of the last 90 days: jieba-token Jaccard similarity,
 * raised when the place or the category is the same. Answers the best five above a floor.
 */
export async function findDuplicates(
  ctx: AppContext,
  actor: Actor,
  q: { communityId?: number; text: string; compoundId?: number; buildingId?: number; categoryId?: number },
) {
  authorize(actor, 'tickets.intake');
  const cid = resolveCommunityId(actor, q.communityId);
  const tokens = tokenize(q.text);
  if (tokens.length === 0) return { items: [] };
  const candidates = await repo.openCandidates(ctx.db, cid, new Date(Date.now() - 90 * 86_400_000));
  const scored = candidates
    .map((t) => {
      let score = jaccard(tokens, t.tokens ? t.tokens.split(' ') : []);
      if (score > 0 && q.buildingId && t.building_id === q.buildingId) score += 0.15;
      else if (score > 0 && q.compoundId && t.compound_id === q.compoundId) score += 0.1;
      if (score > 0 && q.categoryId && t.category_id === q.categoryId) score += 0.05;
      return { t, score };
    })
    .filter((x) => x.score >= 0.2)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  // Names only for the five shown.
  const named = await withNames(
    ctx.db,
    scored.map(({ t }) => t),
  );
  return {
    items: scored
      .map(({ score }, i) => ({ t: named[i]!, score }))
      .map(({ t, score }) => ({
        id: t.id,
        code: t.code,
        title: t.title,
        status: t.status as TicketStatus,
        category: t.category,
        compoundName: t.compound_name ?? null,
        createdAt: new Date(t.created_at).toISOString(),
        score: Math.round(score * 100) / 100,
      })),
  };
}
