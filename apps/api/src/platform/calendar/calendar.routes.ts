import { z } from 'zod';
import { setWorkCalendarDaySchema, workCalendarDaySchema, workCalendarParamsSchema, workCalendarQuerySchema } from '@linli/contracts';
import type { AppContext } from '../context.js';
import { actorOf, type App } from '../http/types.js';
import * as calendar from './work-calendar.js';

/** The national calendar's admin routes (URLs unchanged since they lived in tickets). */
export function calendarRoutes(app: App, ctx: AppContext): void {
  const tags = ['tickets'];
  app.get(
    '/api/work-calendar',
    {
      config: { permission: 'tickets.read' },
      schema: { tags, querystring: workCalendarQuerySchema, response: { 200: z.object({ items: z.array(workCalendarDaySchema) }) } },
    },
    async (r) => calendar.listCalendar(ctx, actorOf(r), r.query.year),
  );
  app.put(
    '/api/work-calendar/:day',
    {
      config: { permission: 'calendar.manage' },
      schema: { tags, params: workCalendarParamsSchema, body: setWorkCalendarDaySchema, response: { 200: workCalendarDaySchema } },
    },
    async (r) => calendar.setCalendarDay(ctx, actorOf(r), r.params.day, r.body),
  );
  app.delete('/api/work-calendar/:day', { config: { permission: 'calendar.manage' }, schema: { tags, params: workCalendarParamsSchema } }, async (r, reply) => {
    await calendar.deleteCalendarDay(ctx, actorOf(r), r.params.day);
    return reply.status(204).send();
  });
}
