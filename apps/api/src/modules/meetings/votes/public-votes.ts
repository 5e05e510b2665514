import type { PublicVoteList } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { notFound } from '../../../platform/errors.js';
import { placeRefs } from '../../places/index.js';
import * as repo from './votes.repository.js';
import { noticeOf } from './ballots.service.js';

/**
 * The phone's list of a community's votes under publication (公示) with their results: of one compound (with the
 * community-wide ones) or all. No voter's name or choice: anyone with the community's code may read it, as the paper
 * notice on the board.
 */
export async function publishedVotes(ctx: AppContext, communityCode: string, compoundId?: number): Promise<PublicVoteList> {
  const c = await placeRefs.communityByCode(ctx.db, communityCode);
  if (!c) throw notFound('community');
  // A public page of one community, named by its code: no session scope exists here.
  const cid = trustedCommunityId(c.id);
  const rows = await repo.listPublishedVotes(ctx.db, cid, { compoundId, now: new Date(), limit: 30 });
  return { communityName: c.name, items: await Promise.all(rows.map((v) => noticeOf(ctx, v))) };
}
