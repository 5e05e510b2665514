/**
 * Domain events. A service publishes one with `publish(trx, name, payload)` (platform/outbox) inside the transaction
 * of the change; the outbox dispatcher later hands it to every subscriber registered here, at least once (ADR 0020).
 */
export interface DomainEvents {
  'resident.created': { communityId: number; residentId: number };
  'residents.imported': { communityId: number; importId: number; count: number };
  'ticket.created': { communityId: number; ticketId: number };
  'ticket.transitioned': { communityId: number; ticketId: number; action: string };
  'escalation.changed': { communityId: number; escalationId: number; ticketId: number; organisationId: number; status: string };
  'escalation.reminder': { communityId: number; escalationId: number; ticketId: number; organisationId: number; kind: 'before' | 'due' };
  'agreement.renewal_due': { communityId: number; agreementId: number; partnerId: number; endsOn: string };
  /** 微心愿 (ADR 0036): volunteers' points and webhooks react to these. */
  'wish.published': { communityId: number; wishId: number };
  'wish.claimed': { communityId: number; wishId: number };
  /** `helperAccountIds`: the accounts that claimed the wish (volunteers, party members, partner contacts), who fulfilled it. */
  'wish.fulfilled': { communityId: number; wishId: number; helperAccountIds: number[] };
  'wish.confirmed': { communityId: number; wishId: number };
  /** A claimant's due-date reminder (two days before, and on the day); notices go out from its subscribers. */
  'wish.reminder': { communityId: number; wishId: number; kind: 'due_soon' | 'due'; accountIds: number[] };
  /** A step of the missed check-in ladder was taken (never a token or a phone in it; ADR 0040). */
  'care.checkin.step': { communityId: number; recipientId: number; dayId: number; stepNo: number; kind: string; ticketId: number | null };
  /** Someone confirmed a care recipient is well today; `afterEscalation` when it stopped a ladder already climbing. */
  'care.checkin.confirmed': { communityId: number; recipientId: number; dayId: number; via: string; afterEscalation: boolean };
  /** Service hours were recorded (or corrected: `hours` negative); points earns from it (ADR 0041). */
  /** A correction names the entry it corrects; its `hours` is then the corrected total, not the delta. */
  'volunteer.hours_recorded': { communityId: number; volunteerId: number; entryId: number; hours: number; sourceKind: string; correctsEntryId?: number | null };
  /** Tomorrow's duty shift has fewer people than it needs (值守, ADR 0044); `label` names station and time, no person. */
  'shift.uncovered': { communityId: number; shiftId: number; label: string; assigned: number; headcount: number };
}
export type EventName = keyof DomainEvents;

/** Where an event came from: its outbox row (a stable key for idempotent subscribers) and when it was committed. */
export interface EventMeta {
  outboxId: number;
  occurredAt: Date;
}

export type EventHandler<K extends EventName> = (payload: DomainEvents[K], meta: EventMeta) => void | Promise<void>;

/**
 * The subscribers of each event. A subscriber has a name, so a retried event skips the subscribers it already reached;
 * it may still be called twice for one event (a crash between its effect and the bookkeeping), so it must be idempotent.
 */
export class EventBus {
  private readonly handlers = new Map<EventName, Array<{ subscriber: string; handle: EventHandler<EventName> }>>();

  on<K extends EventName>(name: K, subscriber: string, handle: EventHandler<K>): void {
    const list = this.handlers.get(name) ?? [];
    if (list.some((h) => h.subscriber === subscriber)) throw new Error(`${subscriber} already subscribes to ${name}`);
    list.push({ subscriber, handle: handle as EventHandler<EventName> });
    this.handlers.set(name, list);
  }

  subscribersOf(name: string): ReadonlyArray<{ subscriber: string; handle: EventHandler<EventName> }> {
    return this.handlers.get(name as EventName) ?? [];
  }
}
