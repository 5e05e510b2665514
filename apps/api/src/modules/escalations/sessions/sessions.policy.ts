import type { Actor } from '../../../platform/access/actor.js';
import { isContact } from '../../orgs/index.js';

/**
 * Who sees what of a 书记面对面 session (ADR 0029). Staff see every session of their scope and every item. A contact
 * account (a department's or a partner unit's) sees only the sessions its organisation attended or has items in, and
 * only its own items: the organisation returned here narrows every read, and another organisation's item answers 404,
 * as another community's does.
 */
export function organisationLens(actor: Actor): number | null {
  if (!isContact(actor)) return null;
  // A contact account not (yet) linked to an organisation sees nothing: no organisation has id 0.
  return actor.organisationId ?? 0;
}

/** Staff at the table write a department's answer on its behalf (the item says so); its contact writes it as itself. */
export const answersOnBehalf = (actor: Actor) => !isContact(actor);
