import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { writeAudit, type AuditActor } from '../../../platform/audit/audit.js';
import { insertBookingEvent } from './venues.repository.js';

/** One step in a booking's life: the timeline row and the audit row, in the caller's transaction (ADR 0047). */
export interface BookingStep {
  communityId: number;
  bookingId: number;
  action: 'requested' | 'booked' | 'approved' | 'declined' | 'cancelled' | 'no_show';
  fromStatus: string | null;
  toStatus: string;
  actor: AuditActor | null;
  note?: string | null;
  changes?: Record<string, unknown>;
}

export async function recordBookingStep(trx: Transaction<DB>, s: BookingStep): Promise<void> {
  await insertBookingEvent(trx, {
    community_id: s.communityId,
    booking_id: s.bookingId,
    action: s.action,
    from_status: s.fromStatus,
    to_status: s.toStatus,
    actor_id: s.actor?.accountId ?? null,
    note: s.note ?? null,
  });
  await writeAudit(trx, s.actor, {
    communityId: s.communityId,
    action: `venue_booking.${s.action}`,
    entityType: 'venue_booking',
    entityId: s.bookingId,
    changes: s.changes ?? { from: s.fromStatus, to: s.toStatus },
    reason: s.note ?? null,
  });
}
