import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { withNames } from '../ticket-names.js';
import * as repo from './requests.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';

export type { RequestFilter, UpdateFilter } from './requests.repository.js';

/**
 * A community's requests as Open311 shows them, newest first, at most 1,000, with the names it prints: the compound,
 * the assignee when an account, the partner when a partner carries it. A merged one names the ticket it joined.
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

/** The public timeline of a community's tickets, as the Open311 servicerequestupdates extension reads it. */
export const externalUpdates = repo.listPublicUpdates;
export type ExternalUpdate = Awaited<ReturnType<typeof repo.listPublicUpdates>>[number];

export { findTicketCode, findCommunityPhoto } from './requests.repository.js';
