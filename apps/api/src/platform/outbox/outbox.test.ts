import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { drainOutbox } from '../../../test/jobs.js';
import { EventBus, type EventMeta } from '../events.js';
import { OutboxDispatcher, defaultDispatchLimits, retryDelaySeconds } from './dispatcher.js';
import { publish } from './outbox.js';

describe('outbox: events commit with their change and reach every subscriber at least once', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.close());
  const rowOf = (id: number) => env.ctx.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const fresh = () => {
    env.ctx.events = new EventBus();
    return env.ctx.events;
  };

  it('writes nothing when the transaction rolls back, and dispatches what committed, in order, with its outbox id', async () => {
    const events = fresh();
    const seen: Array<{ ticketId: number; meta: EventMeta }> = [];
    events.on('ticket.created', 'test', (e, meta) => void seen.push({ ticketId: e.ticketId, meta }));
    await drainOutbox(env.ctx);
    await expect(
      env.ctx.db.transaction().execute(async (trx) => {
        await publish(trx, 'ticket.created', { communityId: 1, ticketId: 999 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const ids = await env.ctx.db
      .transaction()
      .execute(async (trx) => [
        await publish(trx, 'ticket.created', { communityId: 1, ticketId: 1 }),
        await publish(trx, 'ticket.created', { communityId: 1, ticketId: 2 }),
      ]);
    expect(await drainOutbox(env.ctx)).toBe(2);
    expect(seen.map((s) => s.ticketId)).toEqual([1, 2]);
    expect(seen.map((s) => s.meta.outboxId)).toEqual(ids);
    expect((await rowOf(ids[0]!)).dispatched_at).toBeInstanceOf(Date);
    expect(await drainOutbox(env.ctx)).toBe(0);
  });

  it('retries only the subscriber that failed, with backoff, and never again once it succeeded', async () => {
    const events = fresh();
    let goodCalls = 0;
    let flakyCalls = 0;
    events.on('resident.created', 'good', () => void goodCalls++);
    events.on('resident.created', 'flaky', () => {
      flakyCalls++;
      if (flakyCalls < 3) throw new Error(`refused ${flakyCalls}`);
    });
    const id = await env.ctx.db.transaction().execute((trx) => publish(trx, 'resident.created', { communityId: 1, residentId: 7 }));
    const d = new OutboxDispatcher(env.ctx);
    const t0 = new Date();
    expect(await d.poll(t0)).toBe(1);
    let row = await rowOf(id);
    expect(row).toMatchObject({ attempts: 1, done_subscribers: ['good'], dispatched_at: null, last_error: 'flaky: refused 1', locked_by: null });
    // Not due again before its backoff.
    expect(await d.poll(t0)).toBe(0);
    expect(row.next_attempt_at.getTime()).toBeGreaterThanOrEqual(t0.getTime() + retryDelaySeconds(1) * 1000);
    expect(await d.poll(new Date(t0.getTime() + 1500))).toBe(1);
    expect((await rowOf(id)).attempts).toBe(2);
    expect(retryDelaySeconds(2)).toBe(2);
    expect(await d.poll(new Date(t0.getTime() + 60_000))).toBe(1);
    row = await rowOf(id);
    expect(row.dispatched_at).toBeInstanceOf(Date);
    expect(row.done_subscribers).toEqual(['good', 'flaky']);
    expect({ goodCalls, flakyCalls }).toEqual({ goodCalls: 1, flakyCalls: 3 });
  });

  it('sets an event aside after its last attempt, and leaves it out of later claims', async () => {
    const events = fresh();
    events.on('resident.created', 'broken', () => {
      throw new Error('always');
    });
    const id = await env.ctx.db.transaction().execute((trx) => publish(trx, 'resident.created', { communityId: 1, residentId: 8 }));
    const d = new OutboxDispatcher(env.ctx, { ...defaultDispatchLimits, maxAttempts: 2 });
    const t0 = Date.now();
    expect(await d.poll(new Date(t0))).toBe(1);
    expect(await d.poll(new Date(t0 + 3_600_000))).toBe(1);
    expect(await d.poll(new Date(t0 + 7_200_000))).toBe(0);
    expect(await rowOf(id)).toMatchObject({ attempts: 2, dispatched_at: null, dead_at: expect.any(Date), last_error: 'broken: always' });
  });

  it("claims an event that the database stamped within the poll's millisecond (now() counts microseconds)", async () => {
    const events = fresh();
    const seen: number[] = [];
    events.on('resident.created', 'test', (e) => void seen.push(e.residentId));
    const at = new Date();
    const id = await env.ctx.db.transaction().execute((trx) => publish(trx, 'resident.created', { communityId: 1, residentId: 10 }));
    await env.ctx.db
      .updateTable('outbox')
      .set({ next_attempt_at: sql<Date>`${at}::timestamptz + interval '500 microseconds'` })
      .where('id', '=', id)
      .execute();
    expect(await new OutboxDispatcher(env.ctx).poll(at)).toBe(1);
    expect(seen).toEqual([10]);
  });

  it('takes over an event claimed by a process that died once its lease passes, and not before', async () => {
    const events = fresh();
    const seen: number[] = [];
    events.on('resident.created', 'test', (e) => void seen.push(e.residentId));
    const id = await env.ctx.db.transaction().execute((trx) => publish(trx, 'resident.created', { communityId: 1, residentId: 9 }));
    const until = new Date(Date.now() + 60_000);
    await env.ctx.db.updateTable('outbox').set({ locked_by: 'dead-process', locked_until: until }).where('id', '=', id).execute();
    const d = new OutboxDispatcher(env.ctx);
    expect(await d.poll(new Date())).toBe(0);
    expect(await d.poll(new Date(until.getTime() + 1))).toBe(1);
    expect(seen).toEqual([9]);
    expect((await rowOf(id)).dispatched_at).toBeInstanceOf(Date);
  });
});
