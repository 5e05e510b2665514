import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, type TestEnv } from '../../../../test/harness.js';
import { reminderDue, sendTicketReminders } from './reminders.js';

const h = (n: number) => n * 3600_000;

describe('ticket reminders (催办)', () => {
  it('fires shortly before and at each deadline', () => {
    const created = new Date('2026-11-23T00:00:00Z');
    const t = {
      created_at: created,
      response_due_at: new Date(created.getTime() + h(2)),
      resolution_due_at: new Date(created.getTime() + h(24)),
      first_response_at: null,
    };
    // response window 2 h: "soon" starts 30 min before
    expect(reminderDue('response_due_soon', t, new Date(created.getTime() + h(1)))).toBe(false);
    expect(reminderDue('response_due_soon', t, new Date(created.getTime() + h(1.6)))).toBe(true);
    expect(reminderDue('response_overdue', t, new Date(created.getTime() + h(2)))).toBe(true);
    // resolution window 24 h: "soon" starts 2 h before (a quarter would be 6 h)
    expect(reminderDue('resolution_due_soon', t, new Date(created.getTime() + h(21)))).toBe(false);
    expect(reminderDue('resolution_due_soon', t, new Date(created.getTime() + h(22.5)))).toBe(true);
    expect(reminderDue('response_overdue', { ...t, first_response_at: created }, new Date(created.getTime() + h(5)))).toBe(false);
  });

  describe('sweep', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv();
    });
    afterAll(async () => env.close());

    it('records each reminder once, with an internal timeline event', async () => {
      const sec = await actorIn(env, 'secretary');
      const cats = (await env.app.inject({ url: '/api/ticket-categories', headers: { cookie: sec.cookie } })).json().items;
      const emergency = cats.find((c: { code: string }) => c.code === 'emergency');
      const t = (
        await env.app.inject({
          method: 'POST',
          url: '/api/tickets',
          headers: { cookie: sec.cookie },
          payload: { channel: 'phone', categoryId: emergency.id, title: '燃气泄漏', description: '楼道有燃气味' },
        })
      ).json();
      const later = new Date(Date.now() + h(3));
      expect(await sendTicketReminders(env.ctx, later)).toBe(1);
      expect(await sendTicketReminders(env.ctx, later)).toBe(0);
      const events = (await env.app.inject({ url: `/api/tickets/${t.id}`, headers: { cookie: sec.cookie } })).json().events;
      expect(events.filter((e: { action: string }) => e.action === 'reminded')).toEqual([
        expect.objectContaining({ note: 'response_overdue', isPublic: false }),
      ]);
      expect(await sendTicketReminders(env.ctx, new Date(Date.now() + h(25)))).toBe(1);
    });
  });
});
