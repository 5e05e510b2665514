import type { HelpCategory } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { makeScope } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { findHelpSecrets } from './help.repository.js';

/**
 * A help need as matching reads it: the request opened for segmenting (never stored elsewhere), its category and the
 * person's compound and grid. Null when the need is not of this community.
 */
export async function helpNeedForMatch(ctx: AppContext, communityId: CommunityId, id: number) {
  const s = await findHelpSecrets(ctx.db, makeScope([communityId]), id);
  if (!s) return null;
  const [r] = await placeRefs.residentHelpRefs(ctx.db, communityId, [s.resident_id]);
  return {
    text: ctx.pii.decrypt(s.request_enc),
    category: s.category as HelpCategory,
    compoundId: r?.compound_id ?? null,
    gridId: r?.grid_id ?? null,
    status: s.status,
  };
}
