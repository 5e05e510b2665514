import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { drainOutbox } from '../../../test/jobs.js';
import { subscribeWebhooks } from './index.js';

describe('webhooks subscribe through the outbox', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    subscribeWebhooks(env.ctx);
  });
  afterAll(async () => env.close());

  it('queues nothing until the event is dispatched, then one delivery per webhook even when the event is dispatched twice', async () => {
    const sec = await actorIn(env, 'secretary');
    const headers = { cookie: sec.cookie };
    for (const name of ['a', 'b']) {
      expect(
        (await env.app.inject({ method: 'POST', url: '/api/webhooks', headers, payload: { name, url: `http://127.0.0.1:9/${name}`, format: 'json' } }))
          .statusCode,
      ).toBe(201);
    }
    const cats = (await env.app.inject({ url: '/api/ticket-categories', headers })).json().items;
    const t = (
      await env.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers,
        payload: { channel: 'phone', categoryId: cats[0].id, title: '路灯不亮', description: '三号楼前路灯坏了' },
      })
    ).json();
    const deliveries = () =>
      env.ctx.db.selectFrom('webhook_deliveries').select(['outbox_id', 'payload']).where('community_id', '=', sec.community.id).execute();
    const event = await env.ctx.db
      .selectFrom('outbox')
      .selectAll()
      .where('name', '=', 'ticket.created')
      .where('dispatched_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ communityId: sec.community.id, ticketId: t.id });
    expect(await deliveries()).toEqual([]);

    await drainOutbox(env.ctx);
    const first = await deliveries();
    expect(first.map((d) => d.outbox_id)).toEqual([event.id, event.id]);
    // The payload says when the change committed, not when the dispatcher got to it.
    expect((first[0]!.payload as { occurredAt: string }).occurredAt).toBe(event.created_at.toISOString());

    // A crash after the subscriber's effect but before the bookkeeping: the event comes round again.
    await env.ctx.db.updateTable('outbox').set({ dispatched_at: null, done_subscribers: [] }).where('id', '=', event.id).execute();
    expect(await drainOutbox(env.ctx)).toBe(1);
    expect(await deliveries()).toHaveLength(2);
  });
});
