import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { rolesWith } from '@linli/contracts';
import { peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';
import type { CommunityId } from '../../platform/db/scope.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Roles of accounts that can carry a ticket: those the permission table lets work one (not admins). */
export const assignableRoles = rolesWith('tickets.work');

/** Who a ticket can be given to, by kind, asked of the module that owns them: an active account, a team or a partner. */
export function findAssignee(db: Db, communityId: CommunityId, kind: string, id: number): Promise<{ id: number; name: string } | undefined> {
  if (kind === 'team') return peopleRefs.teamRef(db, communityId, id);
  if (kind === 'partner') return partnerRefs.findPartnerRef(db, communityId, id);
  return peopleRefs.activeAccountRef(db, communityId, id);
}

export const findPartner = (db: Db, communityId: CommunityId, id: number) => partnerRefs.findPartnerRef(db, communityId, id);
