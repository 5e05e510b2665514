import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import * as orgs from '../../orgs/index.js';
import * as places from '../../places/index.js';
import * as people from '../../people/index.js';
import * as tickets from '../../tickets/index.js';
import type { Names } from './sessions.presenter.js';
import { findEscalationRef } from './sessions.repository.js';

// What sessions read of other modules, through their index.ts, batched by ids.

const ids = (xs: readonly (number | null | undefined)[]) => [...new Set(xs.filter((x): x is number => x != null))];

export async function namesFor(
  db: Kysely<DB>,
  want: { organisations?: readonly number[]; communities?: readonly number[]; accounts?: readonly (number | null)[] },
): Promise<Names> {
  const [o, c, a] = await Promise.all([
    orgs.organisationsByIds(db, ids(want.organisations ?? [])),
    places.communityRefs(db, ids(want.communities ?? [])),
    people.accountNames(db, ids(want.accounts ?? [])),
  ]);
  return {
    organisations: new Map([...o].map(([id, r]) => [id, r.name])),
    communities: new Map([...c].map(([id, r]) => [id, r.name])),
    accounts: a,
  };
}

/** Of the given organisations, those that are active and serve the community. */
export async function organisationsServing(db: Kysely<DB>, communityId: CommunityId, organisationIds: readonly number[]): Promise<Set<number>> {
  const found = await orgs.organisationsByIds(db, ids(organisationIds));
  const serving = new Set<number>();
  for (const [id, o] of found) if (o.archived_at == null && (await orgs.servesCommunity(db, id, communityId))) serving.add(id);
  return serving;
}

/** An escalation of the community with its ticket's code and title, for a session item. */
export async function escalationForItem(db: Kysely<DB>, communityId: CommunityId, escalationId: number) {
  const e = await findEscalationRef(db, communityId, escalationId);
  if (!e) return undefined;
  const t = await tickets.ticketForNotice(db, communityId, e.ticket_id);
  return {
    id: e.id,
    organisationId: e.organisation_id,
    status: e.status,
    ticketId: e.ticket_id,
    ticketCode: t?.code ?? null,
    ticketTitle: t?.title ?? '',
    reason: e.reason,
  };
}
