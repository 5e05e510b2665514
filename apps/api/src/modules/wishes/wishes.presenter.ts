import type { PublicWish, Wish, WishCategory, WishClaim, WishClaimantKind, WishEvent, WishEventKind, WishSource, WishStatus } from '@linli/contracts';
import { iso } from '../../platform/time.js';
import type { ClaimRow, WishRow } from './wishes.repository.js';

const day = (d: string | Date | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export function presentWish(w: WishRow, compoundName: string | null): Wish {
  return {
    id: w.id,
    communityId: w.community_id,
    status: w.status as WishStatus,
    source: w.source as WishSource,
    compoundId: w.compound_id,
    compoundName,
    residentName: w.resident_name,
    residentPhoneMasked: w.resident_phone_masked,
    publicInitial: w.public_initial,
    text: w.text,
    category: (w.category as WishCategory | null) ?? null,
    value: w.value_yuan,
    shared: w.shared,
    dueOn: day(w.due_on),
    publishedAt: iso(w.published_at),
    claimedAt: iso(w.claimed_at),
    fulfilledAt: iso(w.fulfilled_at),
    confirmedAt: iso(w.confirmed_at),
    resultNote: w.result_note,
    thanks: w.thanks,
    createdAt: iso(w.created_at),
    claimCount: Number(w.claim_count),
  };
}

/** The public face of a wish: an initial and the wish (ADR 0036), never the name, phone or compound. */
export function presentPublicWish(w: WishRow): PublicWish {
  return {
    id: w.id,
    initial: w.public_initial,
    text: w.text,
    category: (w.category as WishCategory | null) ?? null,
    value: w.value_yuan,
    status: w.status as WishStatus,
    shared: w.shared,
    dueOn: day(w.due_on),
    publishedAt: iso(w.published_at),
    claimCount: Number(w.claim_count),
  };
}

export function presentClaim(c: ClaimRow): WishClaim {
  return {
    id: c.id,
    claimantKind: c.claimant_kind as WishClaimantKind,
    claimantName: c.claimant_name,
    accountId: c.account_id,
    partnerId: c.partner_id,
    teamId: c.team_id,
    shareNote: c.share_note,
    shareValue: c.share_value_yuan,
    channel: c.channel,
    createdAt: iso(c.created_at),
  };
}

export function presentEvent(
  e: {
    id: number;
    action: string;
    from_status: string | null;
    to_status: string | null;
    actor_id: number | null;
    actor_label: string | null;
    channel: string | null;
    note: string | null;
    is_public: boolean;
    created_at: Date;
  },
  names: Map<number, string>,
): WishEvent {
  return {
    id: e.id,
    action: e.action as WishEventKind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
    actorLabel: e.actor_label,
    channel: e.channel,
    note: e.note,
    isPublic: e.is_public,
    createdAt: iso(e.created_at),
  };
}
