import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { drainOutbox } from '../../../test/jobs.js';
import { publish } from '../../platform/outbox/outbox.js';
import { sendAgreementReminders } from '../partners/index.js';
import { buildRequest } from './formats.js';
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

  it("tells the community's group of an agreement up for renewal and of a wish's claim falling due, naming no person", async () => {
    const sec = await actorIn(env, 'secretary');
    const headers = { cookie: sec.cookie };
    const post = (url: string, payload: Record<string, unknown>) => env.app.inject({ method: 'POST', url, headers, payload });
    expect((await post('/api/webhooks', { name: '工作群', url: 'http://127.0.0.1:9/bot', format: 'wecom' })).statusCode).toBe(201);
    const partner = (await post('/api/partners', { name: '伊利液态奶事业部', kind: 'enterprise' })).json();
    const today = new Date();
    const soon = new Date(today.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const agreement = await post('/api/agreements', {
      partnerId: partner.id,
      kind: 'co_building',
      title: '共建协议',
      signedOn: '2026-01-01',
      startsOn: '2026-01-01',
      endsOn: soon,
      remindDays: 30,
    });
    expect(agreement.statusCode).toBe(201);
    expect(await sendAgreementReminders(env.ctx, today)).toBeGreaterThanOrEqual(1);
    const wish = await env.ctx.db
      .insertInto('wishes')
      .values({ community_id: sec.community.id, source: 'staff', resident_name: '李大爷', public_initial: '李**', text: '想要一副老花镜' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .transaction()
      .execute((trx) => publish(trx, 'wish.reminder', { communityId: sec.community.id, wishId: wish.id, kind: 'due', accountIds: [] }));
    await drainOutbox(env.ctx);
    const notices = await env.ctx.db
      .selectFrom('webhook_deliveries')
      .select(['event', 'payload'])
      .where('community_id', '=', sec.community.id)
      .where('event', 'in', ['agreement.renewal_due', 'wish.reminder'])
      .orderBy('id')
      .execute();
    const lines = notices.map(
      (n) => JSON.parse(buildRequest('wecom', 'http://127.0.0.1:9/bot', null, n.payload as never, today).body).markdown.content as string,
    );
    expect(lines).toEqual([
      `【邻里·协议续签提醒】与「伊利液态奶事业部」的共建协议将于 ${soon} 到期，请商议续签`,
      '【邻里·微心愿提醒】认领的微心愿「想要一副老花镜」今天到期，请认领人按时完成并上传照片',
    ]);
    expect(JSON.stringify(notices)).not.toContain('李大爷');
  });
});
