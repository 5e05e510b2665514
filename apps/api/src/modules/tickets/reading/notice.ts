import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { withNames } from '../ticket-names.js';
import * as repo from '../tickets.repository.js';
import type { CommunityId } from '../../../platform/db/scope.js';

/** A ticket as a notice of its event shows it (the webhooks' group-chat message): code, status, title, category, compound, deadline. */
export async function ticketForNotice(db: Kysely<DB>, communityId: CommunityId, ticketId: number) {
  const row = await repo.findTicketForNotice(db, communityId, ticketId);
  if (!row) return undefined;
  const [t] = await withNames(db, [row]);
  return {
    id: t!.id,
    code: t!.code,
    status: t!.status,
    title: t!.title,
    category: t!.category,
    compound: t!.compound_name,
    resolution_due_at: t!.resolution_due_at,
  };
}
