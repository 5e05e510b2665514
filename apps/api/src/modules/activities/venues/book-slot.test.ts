import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import { trustedCommunityId } from '../../../platform/access/trusted-scope.js';
import { buildAccount, buildCommunity, createTestEnv, engineUnderTest, type TestEnv } from '../../../../test/harness.js';
import { bookSlot, releaseSlot, venueRefs } from './index.js';

// bookSlot, the way activities hold a room (ADR 0047): the rules, and no double booking when a hundred arrive at once.
let env: TestEnv;
let communityId: ReturnType<typeof trustedCommunityId>;
let staffId: number;
let venueId: number;
const at = (text: string) => new Date(`${text}+08:00`);

beforeAll(async () => {
  env = await createTestEnv();
  const c = await buildCommunity(env.ctx);
  communityId = trustedCommunityId(c.id);
  staffId = (await buildAccount(env.ctx, { role: 'social_worker', communityId: c.id })).id;
  // Monday to Friday 08:30–21:00 (2026-12-07 is a Monday).
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '21:00' }));
  venueId = (
    await env.ctx.db
      .insertInto('venues')
      .values({ community_id: c.id, name: '社区公社多功能厅', kind: 'hall', capacity: 60, opening_hours: JSON.stringify(hours), bookable_by: ['team'] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}, 60_000);
afterAll(() => env?.close());

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a refusal');
};

describe(`bookSlot (${engineUnderTest})`, () => {
  it('reads the venue and its name', async () => {
    expect((await venueRefs.get(env.ctx.db, communityId, venueId))?.name).toBe('社区公社多功能厅');
    expect((await venueRefs.names(env.ctx.db, communityId, [venueId, 999_999])).get(venueId)).toBe('社区公社多功能厅');
  });

  it('holds a room for an activity, approved, with its timeline and audit rows', async () => {
    const id = await env.ctx.db.transaction().execute((trx) =>
      bookSlot(trx, communityId, {
        venueId,
        startsAt: at('2026-12-07T09:00'),
        endsAt: at('2026-12-07T11:00'),
        purpose: '书法班',
        bookedBy: staffId,
        forActivityId: 42,
      }),
    );
    const row = await env.ctx.db.selectFrom('venue_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'approved', booker_kind: 'activity', activity_id: 42 });
    const events = await env.ctx.db.selectFrom('venue_booking_events').select('action').where('booking_id', '=', id).execute();
    expect(events.map((e) => e.action)).toEqual(['booked']);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'venue_booking')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['venue_booking.booked']);
  });

  it('refuses an end before the start, a time outside the hours, and an overlap, writing nothing', async () => {
    const before = await env.ctx.db
      .selectFrom('venue_bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const book = (s: string, e: string) =>
      env.ctx.db.transaction().execute((trx) => bookSlot(trx, communityId, { venueId, startsAt: at(s), endsAt: at(e), purpose: '排练', bookedBy: staffId }));
    const backwards = await errorOf(book('2026-12-08T10:00', '2026-12-08T09:00'));
    expect(backwards.code).toBe('VALIDATION_FAILED');
    expect(backwards.details?.fields?.[0]).toMatchObject({ field: 'endsAt', rule: 'not_after_start' });
    const late = await errorOf(book('2026-12-08T20:00', '2026-12-08T22:00'));
    expect(late.code).toBe('BOOKING_OUTSIDE_HOURS');
    expect(late.details?.fields?.[0]?.field).toBe('endsAt');
    const sunday = await errorOf(book('2026-12-13T10:00', '2026-12-13T11:00'));
    expect(sunday.code).toBe('BOOKING_OUTSIDE_HOURS');
    expect(sunday.details?.fields?.[0]?.field).toBe('startsAt');
    const overlap = await errorOf(book('2026-12-07T10:30', '2026-12-07T12:00'));
    expect(overlap.code).toBe('BOOKING_CONFLICT');
    const after = await env.ctx.db
      .selectFrom('venue_bookings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Back to back is fine: 11:00 is free once the 09:00–11:00 booking ends.
    await expect(book('2026-12-07T11:00', '2026-12-07T12:00')).resolves.toBeGreaterThan(0);
  });

  it('frees the time when released', async () => {
    const book = () =>
      env.ctx.db
        .transaction()
        .execute((trx) =>
          bookSlot(trx, communityId, { venueId, startsAt: at('2026-12-09T14:00'), endsAt: at('2026-12-09T15:00'), purpose: '合唱', bookedBy: staffId }),
        );
    const id = await book();
    await env.ctx.db.transaction().execute((trx) => releaseSlot(trx, communityId, id, staffId, '活动取消'));
    await expect(book()).resolves.toBeGreaterThan(id);
  });

  it('lets exactly one of 100 concurrent bookings of one slot through; the rest get BOOKING_CONFLICT', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        env.ctx.db
          .transaction()
          .execute((trx) =>
            bookSlot(trx, communityId, { venueId, startsAt: at('2026-12-10T19:00'), endsAt: at('2026-12-10T20:30'), purpose: `舞蹈队${i}`, bookedBy: staffId }),
          ),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).code] : []));
    expect(won).toHaveLength(1);
    expect(codes).toHaveLength(99);
    expect(new Set(codes)).toEqual(new Set(['BOOKING_CONFLICT']));
    const live = await env.ctx.db
      .selectFrom('venue_bookings')
      .select('id')
      .where('venue_id', '=', venueId)
      .where('starts_at', '=', at('2026-12-10T19:00'))
      .execute();
    expect(live).toHaveLength(1);
  }, 60_000);
});
