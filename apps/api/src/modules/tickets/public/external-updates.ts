import { openTicketStatuses } from '@linli/contracts';
import type { AppContext } from '../../../platform/context.js';
import type { CommunityId } from '../../../platform/db/scope.js';
import { publish } from '../../../platform/outbox/outbox.js';
import { recordStep } from '../record-step.js';
import { storePhotos } from '../photos/photos.js';
import { findClientUpdate, findTicketCode, lastLabelledEventId } from '../reading/requests.repository.js';

export type ExternalUpdateResult = { kind: 'not_found' } | { kind: 'closed' } | { kind: 'written'; updateId: number; repeated: boolean };

/**
 * An outside system (Open311 client) adds information to an open ticket: a public "info_added" step, as a resident's
 * addition, labelled with the client. Its own update id makes a retried POST answer the first update, writing nothing.
 * Photos (already checked by the caller) are stored after the step.
 */
export async function addExternalUpdate(
  ctx: AppContext,
  communityId: CommunityId,
  input: { code: string; text: string; clientLabel: string; clientUpdateId: string | null; clientStatus: string | null; photos: Buffer[] },
): Promise<ExternalUpdateResult> {
  const t = await findTicketCode(ctx.db, communityId, input.code);
  if (!t) return { kind: 'not_found' };
  if (input.clientUpdateId) {
    const seen = await findClientUpdate(ctx.db, communityId, t.id, input.clientLabel, input.clientUpdateId);
    if (seen) return { kind: 'written', updateId: seen.id, repeated: true };
  }
  if (!(openTicketStatuses as readonly string[]).includes(t.status)) return { kind: 'closed' };
  const updateId = await ctx.db.transaction().execute(async (trx) => {
    await recordStep(trx, {
      communityId,
      ticketId: t.id,
      action: 'info_added',
      actor: null,
      actorLabel: input.clientLabel,
      channel: 'online',
      note: input.text,
      isPublic: true,
      data: { clientUpdateId: input.clientUpdateId, clientStatus: input.clientStatus },
      changes: { length: input.text.length },
    });
    await publish(trx, 'ticket.transitioned', { communityId, ticketId: t.id, action: 'info_added' });
    return lastLabelledEventId(trx, t.id, 'info_added', input.clientLabel);
  });
  if (input.photos.length) await storePhotos(ctx, { id: t.id, community_id: communityId }, input.photos, null, 'online');
  return { kind: 'written', updateId, repeated: false };
}
