import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../test/harness.js';
import { recordStep } from './record-step.js';

describe('recordStep: the timeline event and the audit row of a step, together', () => {
  let env: TestEnv;
  let ticketId: number;
  let communityId: number;

  beforeAll(async () => {
    env = await createTestEnv();
    const sec = await actorIn(env, 'secretary');
    communityId = sec.community.id;
    const cats = (await env.app.inject({ method: 'GET', url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items as Array<{
      id: number;
    }>;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie: sec.cookie },
      payload: { channel: 'phone', categoryId: cats[0]!.id, title: '路灯不亮', description: '小区路灯不亮' },
    });
    ticketId = res.json().id;
  });
  afterAll(async () => env.close());

  const rows = async (action: string) => ({
    events: await env.ctx.db
      .selectFrom('ticket_events')
      .select(['action', 'note', 'actor_label', 'is_public'])
      .where('ticket_id', '=', ticketId)
      .where('action', '=', action)
      .execute(),
    audits: await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'changes', 'reason'])
      .where('entity_type', '=', 'ticket')
      .where('entity_id', '=', String(ticketId))
      .where('action', '=', `ticket.${action}`)
      .execute(),
  });

  it("writes both rows in the caller's transaction", async () => {
    await env.ctx.db.transaction().execute((trx) =>
      recordStep(trx, {
        communityId,
        ticketId,
        action: 'reminded',
        actor: null,
        actorLabel: 'system',
        note: 'response_overdue',
        isPublic: false,
        changes: { kind: 'response_overdue' },
        reason: 'test',
      }),
    );
    const { events, audits } = await rows('reminded');
    expect(events).toEqual([{ action: 'reminded', note: 'response_overdue', actor_label: 'system', is_public: false }]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'ticket.reminded', reason: 'test' });
    const changes = audits[0]!.changes;
    expect(typeof changes === 'string' ? JSON.parse(changes) : changes).toEqual({ kind: 'response_overdue' });
  });

  it('keeps neither row when a later write in the same transaction fails', async () => {
    const failed = env.ctx.db.transaction().execute(async (trx) => {
      await recordStep(trx, {
        communityId,
        ticketId,
        action: 'info_added',
        actor: null,
        actorLabel: 'resident',
        channel: 'online',
        note: '补充',
        isPublic: true,
      });
      // A write that cannot succeed: a ticket row without its required columns.
      await trx
        .insertInto('tickets')
        .values({ id: ticketId } as never)
        .execute();
    });
    await expect(failed).rejects.toThrow();
    expect(await rows('info_added')).toEqual({ events: [], audits: [] });
  });
});
