import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { withNames } from '../ticket-names.js';
import * as repo from './requests.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';

export type { RequestFilter } from './requests.repository.js';

/**
 * A community's requests as Open311 shows them (merged tickets left out), newest first, at most 1,000, with the names it
 * prints: the compound, the assignee when an account, the partner when a partner carries it.
 */
export async function externalRequests(db: Kysely<DB>, communityId: CommunityId, f: repo.RequestFilter) {
  const rows = await withNames(db, await repo.listRequests(db, communityId, f));
  return rows.map((r) => ({
    ...r,
    compound: r.compound_name,
    assignee: r.assignee_kind === 'account' ? r.assignee_name : null,
    partner: r.assignee_kind === 'partner' ? r.assignee_name : null,
  }));
}
export type ExternalRequest = Awaited<ReturnType<typeof externalRequests>>[number];

export { findTicketCode } from './requests.repository.js';
