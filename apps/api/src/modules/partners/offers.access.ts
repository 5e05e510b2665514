import { roleCan } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/access/actor.js';
import { organisationsByIds } from '../orgs/index.js';

/**
 * The partner a partner contact speaks for: its account's organisation's partner (accounts.organisation_id →
 * organisations.partner_id). Staff get undefined (no narrowing); a contact without a linked partner gets null and
 * sees nothing.
 */
export async function ownPartnerOf(ctx: AppContext, actor: Actor): Promise<number | null | undefined> {
  if (actor.role !== 'partner_contact') return undefined;
  if (!actor.organisationId) return null;
  const org = (await organisationsByIds(ctx.db, [actor.organisationId])).get(actor.organisationId);
  return org?.partner_id ?? null;
}

/** Staff who register for anyone (resources.write without the contact's narrowing). */
export const isStaffWriter = (actor: Actor) => actor.role !== 'partner_contact' && roleCan(actor.role, 'resources.write');
