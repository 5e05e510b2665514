import type { Activity, ActivitySignup, PublicActivity } from '@linli/contracts';
import { iso } from '../../platform/time.js';
import type { ActivityRow, SignupRow } from './activities.repository.js';

const photoName = (stored: string) => stored.slice(stored.lastIndexOf('/') + 1);

export function presentActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    communityId: r.community_id,
    seriesId: r.series_id,
    rrule: r.rrule,
    title: r.title,
    kind: r.kind as Activity['kind'],
    description: r.description,
    organiserKind: r.organiser_kind as Activity['organiserKind'],
    organiserId: r.organiser_id,
    organiserName: r.organiser_name,
    stationId: r.station_id,
    venueId: r.venue_id,
    bookingId: r.booking_id,
    place: r.place,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    capacity: r.capacity,
    signupOpensAt: iso(r.signup_opens_at),
    signupClosesAt: iso(r.signup_closes_at),
    audience: r.audience as Activity['audience'],
    compoundId: r.compound_id,
    isPublic: r.is_public,
    status: r.status as Activity['status'],
    confirmedCount: Number(r.confirmed_count ?? 0),
    waitlistCount: Number(r.waitlist_count ?? 0),
    attendedCount: Number(r.attended_count ?? 0),
    walkInCount: r.walk_in_count,
    hasCheckinCode: r.checkin_code_hash !== null,
    report: r.report,
    photos: (r.photos ?? []).map(photoName),
    cancelReason: r.cancel_reason,
    createdAt: iso(r.created_at),
  };
}

/** What the phone may see: no organiser ids, code or counts of attendance. */
export function presentPublicActivity(r: ActivityRow): PublicActivity {
  const a = presentActivity(r);
  return {
    id: a.id,
    title: a.title,
    kind: a.kind,
    description: a.description,
    organiserName: a.organiserName,
    place: a.place,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    signupOpensAt: a.signupOpensAt,
    signupClosesAt: a.signupClosesAt,
    audience: a.audience,
    status: a.status,
    confirmedCount: a.confirmedCount,
    waitlistCount: a.waitlistCount,
    ...(a.status === 'held' || a.status === 'reported' ? { report: a.report, photos: a.photos } : { report: null, photos: [] }),
  };
}

export function presentSignup(r: SignupRow, position: number | null): ActivitySignup {
  return {
    id: r.id,
    activityId: r.activity_id,
    name: r.name,
    phoneMasked: r.phone_masked,
    status: r.status as ActivitySignup['status'],
    position: r.status === 'waitlisted' ? position : null,
    checkedInAt: iso(r.checked_in_at),
    checkinVia: r.checkin_via,
    promotedAt: iso(r.promoted_at),
    createdAt: iso(r.created_at),
  };
}
