import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { AppError } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import * as repo from './refs.repository.js';

export interface EnsureVolunteerInput {
  /** A volunteer already registered (by name in a seed, say) whose missing links are to be filled in. */
  volunteerId?: number | null;
  residentId?: number | null;
  accountId?: number | null;
  partyMemberId?: number | null;
  name: string;
  /** The account doing it (staff, or the party member's own account). */
  by: number;
  origin?: 'resident' | 'student' | 'cadre' | 'partner_staff' | 'party_member' | 'other';
}

/**
 * Finds the volunteer linked to the account, party member or resident given, or registers one already approved (for
 * party members who report, duty squads). An applied volunteer found this way is approved; missing links are filled
 * in; a rejected, suspended or left volunteer is returned as it is (the caller's later `recordServiceHours` refuses).
 * Writes the timeline and audit rows in the caller's transaction. Answers the volunteer id.
 */
export async function ensureVolunteer(trx: Transaction<DB>, communityId: CommunityId, input: EnsureVolunteerInput): Promise<number> {
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', 'name: required', { fields: [{ field: 'name', rule: 'required' }] });
  const found = await repo.findLinked(trx, communityId, input);
  const actor = { accountId: input.by, requestId: null };
  if (found) {
    const fill: Parameters<typeof repo.fillLinks>[3] = {};
    if (found.account_id == null && input.accountId != null) fill.account_id = input.accountId;
    if (found.party_member_id == null && input.partyMemberId != null) fill.party_member_id = input.partyMemberId;
    if (found.resident_id == null && input.residentId != null) fill.resident_id = input.residentId;
    if (found.status === 'applied') Object.assign(fill, { status: 'approved', reviewed_by: input.by, reviewed_at: new Date() });
    if (Object.keys(fill).length > 0) {
      await repo.fillLinks(trx, communityId, found.id, fill);
      if (fill.status) {
        await repo.insertVolunteerEvent(trx, {
          community_id: communityId,
          volunteer_id: found.id,
          action: 'approved',
          from_status: 'applied',
          to_status: 'approved',
          reason: null,
          actor_id: input.by,
        });
      }
      await writeAudit(trx, actor, { communityId, action: 'volunteer.linked', entityType: 'volunteer', entityId: found.id, changes: fill });
    }
    return found.id;
  }
  const no = await repo.nextNumber(trx, communityId, 'volunteer');
  const origin = input.origin ?? (input.partyMemberId != null ? 'party_member' : input.residentId != null ? 'resident' : 'other');
  const { id } = await repo.insertVolunteer(trx, {
    community_id: communityId,
    volunteer_no: no,
    name: name.slice(0, 50),
    status: 'approved',
    origin,
    registered_via: 'system',
    resident_id: input.residentId ?? null,
    account_id: input.accountId ?? null,
    party_member_id: input.partyMemberId ?? null,
    created_by: input.by,
    reviewed_by: input.by,
    reviewed_at: new Date(),
  });
  await repo.insertVolunteerEvent(trx, {
    community_id: communityId,
    volunteer_id: id,
    action: 'registered',
    from_status: null,
    to_status: 'approved',
    reason: null,
    actor_id: input.by,
  });
  await writeAudit(trx, actor, {
    communityId,
    action: 'volunteer.registered',
    entityType: 'volunteer',
    entityId: id,
    changes: { volunteerNo: no, origin, status: 'approved' },
  });
  return id;
}
