import { roleCan, ticketStaffRoles, type TicketAction } from '@linli/contracts';
import type { Actor } from '../../platform/access/actor.js';
import { actionPermission, assigneeOnly } from './acting/ticket-state.js';

/** Who a ticket is on, and who wrote it: what the per-record rules look at. */
export interface TicketParties {
  assignee_kind: string | null;
  assignee_id: number | null;
  created_by: number | null;
}

const isAssignedTo = (actor: Actor, t: TicketParties) => t.assignee_kind === 'account' && t.assignee_id === actor.accountId;

/** Whether the actor may see this ticket of their scope: every ticket with tickets.readAll, else those on them or by them. */
export function maySeeTicket(actor: Actor, t: TicketParties): boolean {
  return roleCan(actor.role, 'tickets.readAll') || isAssignedTo(actor, t) || t.created_by === actor.accountId;
}

/** The permission an action on a ticket needs (the route declares 'policy': this decides). */
export const permissionForAction = (action: TicketAction) => actionPermission[action];

/** Whether the actor may take this action on this ticket beyond the permission: doers' actions are the assignee's, or staff's. */
export function mayWorkTicket(actor: Actor, action: TicketAction, t: TicketParties): boolean {
  if (!assigneeOnly.includes(action)) return true;
  return ticketStaffRoles.includes(actor.role) || isAssignedTo(actor, t);
}

/** Whether the actor may call the ticket's reporter (the full number): staff, or the one the ticket is on. */
export function mayCallReporter(actor: Actor, t: TicketParties): boolean {
  return ticketStaffRoles.includes(actor.role) || isAssignedTo(actor, t);
}
