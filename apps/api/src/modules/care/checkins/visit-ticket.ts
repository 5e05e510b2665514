import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { ensureCategories, insertNewTicket } from '../../tickets/index.js';

/**
 * The ladder's last step: a visit ticket in the highest-priority category (紧急求助, two hours to respond), filed by
 * the system. Its category's default assignee (e.g. the compound's grid worker) takes it as any such ticket.
 */
export async function openVisitTicket(
  ctx: AppContext,
  cid: CommunityId,
  v: { recipientId: number; name: string; compoundId: number | null; day: string; now: Date },
) {
  const categories = await ensureCategories(ctx, cid);
  const emergency = categories.find((c) => c.code === 'emergency') ?? categories[0]!;
  const t = await insertNewTicket(
    ctx,
    cid,
    {
      channel: 'phone',
      categoryId: emergency.id,
      title: `上门探访：${v.name} 今日未报平安`,
      description: `${v.name}（关爱对象 #${v.recipientId}）${v.day} 没有报平安，提醒本人、结对人、家属和网格员后仍无人确认平安。请尽快上门看望，确认平安后在报平安看板代为报平安。`,
      compoundId: v.compoundId,
      isAnonymous: false,
    },
    { actor: null, actorLabel: 'system' },
  );
  return { id: t.id, code: t.code };
}
