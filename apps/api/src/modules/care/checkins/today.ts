import type { TodayCheckins } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import { authorize, resolveCommunityId, type Actor } from '../../../platform/access/actor.js';
import { beijingDate, iso } from '../../../platform/time.js';
import { careRecipientRefs } from '../refs.js';
import { placeRefs } from '../../places/index.js';
import * as repo from './checkins.repository.js';
import { statusOf } from './ladder.js';

const order = { missed: 0, pending: 1, away: 2, done: 3 } as const;

/**
 * Today's check-ins for the board: done, pending, missed (and where on the ladder) and away. `mine` is the grid
 * worker's or helper's phone list: only the people paired with them, those to chase first.
 */
export async function checkinsToday(
  ctx: AppContext,
  actor: Actor,
  q: { communityId?: number; mine?: 'true' | 'false' },
  now = new Date(),
): Promise<TodayCheckins> {
  authorize(actor, 'checkins.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const day = beijingDate(now);
  const mineOnly = q.mine === 'true' || actor.role === 'volunteer' || actor.role === 'party_member';
  const only = mineOnly ? await repo.recipientIdsPairedWith(ctx.db, cid, actor.accountId) : undefined;
  const days = await repo.daysOf(ctx.db, cid, day, only);
  const [refs, steps, aways] = await Promise.all([
    careRecipientRefs(
      ctx.db,
      cid,
      days.map((d) => d.recipient_id),
    ),
    repo.stepsOf(
      ctx.db,
      cid,
      days.map((d) => d.id),
    ),
    repo.awaysOn(ctx.db, cid, day),
  ]);
  const compoundIds = [...new Set([...refs.values()].map((r) => r.compoundId).filter((x): x is number => x !== null))];
  const compounds = new Map((await placeRefs.compoundNames(ctx.db, compoundIds)).map((c) => [c.id, c.name]));
  const stepsByDay = new Map<number, typeof steps>();
  for (const s of steps) stepsByDay.set(s.day_id, [...(stepsByDay.get(s.day_id) ?? []), s]);
  const awayOf = new Map(aways.map((a) => [a.recipient_id, a.kind as 'trip' | 'hospital' | 'family']));
  const items = days.map((d) => {
    const ref = refs.get(d.recipient_id);
    const status = statusOf({ status: d.status, checkedInAt: d.checked_in_at, dueAt: d.due_at }, now);
    return {
      recipientId: d.recipient_id,
      name: ref?.residentNameMasked ?? '',
      compound: ref?.compoundId ? (compounds.get(ref.compoundId) ?? null) : null,
      dueAt: iso(d.due_at),
      status,
      checkedInAt: iso(d.checked_in_at),
      via: (d.via as TodayCheckins['items'][number]['via']) ?? null,
      ladder: (stepsByDay.get(d.id) ?? []).map((s) => ({ kind: s.kind as 'recipient', at: iso(s.created_at), notified: s.notified, ticketId: s.ticket_id })),
      stoppedAfterEscalation: d.stopped_after_step !== null,
      awayKind: status === 'away' ? (awayOf.get(d.recipient_id) ?? null) : null,
    };
  });
  items.sort((a, b) => order[a.status] - order[b.status] || b.ladder.length - a.ladder.length);
  const counts = { done: 0, pending: 0, missed: 0, away: 0 };
  for (const i of items) counts[i.status]++;
  return { day, counts, items };
}
