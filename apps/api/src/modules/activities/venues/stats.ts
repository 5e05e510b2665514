import { bookerKindLabels, type VenueStats } from '@linli/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../../platform/context.js';
import type { DB } from '../../../platform/db/schema.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { bookingNames } from './names.js';
import * as repo from './venues.repository.js';

type Db = Kysely<DB> | Transaction<DB>;
const round1 = (n: number) => Math.round(Number(n) * 10) / 10;

/** The first instants of a Beijing month 'YYYY-MM' and of the next. */
export function monthWindow(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from, to: new Date(`${next}-01T00:00:00+08:00`) };
}

/** Usage of each venue in a month, by team, partner and residents (场地使用统计). */
export async function usageOfMonth(db: Db, cid: CommunityId, month: string): Promise<VenueStats> {
  const { from, to } = monthWindow(month);
  const rows = await repo.usageRows(db, cid, from, to);
  const names = await bookingNames(db, cid, rows);
  const byVenue = new Map<number, VenueStats['venues'][number]>();
  for (const r of rows) {
    const v = byVenue.get(r.venue_id) ?? {
      venueId: r.venue_id,
      venueName: names.venues.get(r.venue_id) ?? '',
      bookings: 0,
      bookedHours: 0,
      usedHours: 0,
      byBooker: [],
    };
    v.bookings += Number(r.bookings);
    v.bookedHours = round1(v.bookedHours + Number(r.booked_hours));
    v.usedHours = round1(v.usedHours + Number(r.used_hours));
    const bookerId = r.booker_kind === 'team' ? r.team_id : r.booker_kind === 'partner' ? r.partner_id : null;
    const bookerName =
      (r.booker_kind === 'team' && r.team_id
        ? names.teams.get(r.team_id)
        : r.booker_kind === 'partner' && r.partner_id
          ? names.partners.get(r.partner_id)
          : null) ?? bookerKindLabels['zh-CN'][r.booker_kind];
    const same = v.byBooker.find((b) => b.bookerKind === r.booker_kind && b.bookerId === bookerId);
    if (same) {
      same.bookings += Number(r.bookings);
      same.hours = round1(same.hours + Number(r.booked_hours));
      same.usedHours = round1(same.usedHours + Number(r.used_hours));
    } else {
      v.byBooker.push({
        bookerKind: r.booker_kind,
        bookerId,
        bookerName,
        bookings: Number(r.bookings),
        hours: round1(Number(r.booked_hours)),
        usedHours: round1(Number(r.used_hours)),
      });
    }
    byVenue.set(r.venue_id, v);
  }
  return { month, venues: [...byVenue.values()] };
}

export async function venueStats(ctx: AppContext, actor: Actor, q: { communityId?: number | undefined; month: string }) {
  authorize(actor, 'venues.read');
  return usageOfMonth(ctx.db, resolveCommunityId(actor, q.communityId), q.month);
}
