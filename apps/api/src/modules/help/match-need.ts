import type { HelpCategory } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { communityIn, type Scope } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { findHelpSecrets } from './help.repository.js';

/**
 * A help need as matching reads it: the request opened for segmenting (never stored elsewhere), its category and the
 * person's compound and grid. Null when the need is not of this community.
 */
export async function helpNeedForMatch(ctx: AppContext, scope: Scope, id: number) {
  const s = await findHelpSecrets(ctx.db, scope, id);
  if (!s) return null;
  const communityId = communityIn(scope, s.community_id)!;
  const [r] = await placeRefs.residentPlaces(ctx.db, communityId, [s.resident_id]);
  return {
    communityId,
    text: ctx.pii.decrypt(s.request_enc),
    category: s.category as HelpCategory,
    compoundId: r?.compound_id ?? null,
    gridId: r?.grid_id ?? null,
    status: s.status,
  };
}
