import { openTicketStatuses, ticketActionLabel } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { addExternalUpdate, externalUpdates } from '../tickets/index.js';
import { Open311Error } from './format.js';
import { dateWindow, listParam } from './params.js';
import { activeClient, communityOf } from './open311.service.js';
import { detailFor } from './requests.js';
import { checkMedia } from './media.js';

const openStates: readonly string[] = openTicketStatuses;
/** The resident's wording of a step, in Chinese and English (Open311 clients may be either). */
const labelOf = (action: string) => `${ticketActionLabel('zh-CN', action, 'public')} / ${ticketActionLabel('en', action, 'public')}`;

/**
 * GET servicerequestupdates (mySociety's extension): the public timeline of the community's tickets, oldest first.
 * update_id names one update and overrides the other filters; service_request_id (a list) narrows to those requests;
 * start_date and end_date as for requests (90 days at most). The text of a step is shown as the request's description
 * is (the community's choice, or a client key); otherwise the step's name stands in for it.
 */
export async function listUpdates(ctx: AppContext, f: Record<string, string | undefined>) {
  const c = await communityOf(ctx, f.jurisdiction_id);
  const detail = await detailFor(ctx, c.id, f.api_key);
  let filter;
  if (f.update_id !== undefined) {
    if (!/^\d{1,15}$/.test(f.update_id)) throw new Open311Error(400, 400, 'update_id is not a valid id');
    filter = { updateId: Number(f.update_id) };
  } else {
    const { from, to } = dateWindow(f.start_date, f.end_date);
    filter = { codes: listParam(f.service_request_id), from, to };
  }
  const rows = await externalUpdates(ctx.db, c.id, filter);
  return rows.map((u) => ({
    update_id: String(u.id),
    service_request_id: u.code,
    status: u.status_after && !openStates.includes(u.status_after) ? 'closed' : 'open',
    updated_datetime: new Date(u.created_at).toISOString(),
    description: detail !== 'summary' && u.note && u.action !== 'photos_added' ? `${labelOf(u.action)}：${u.note}` : labelOf(u.action),
    media_url: null,
  }));
}

/**
 * POST servicerequestupdates: a keyed client adds information to an open request of its community (a public step on
 * the timeline, like a resident's addition; photos in `media`). A client cannot change a ticket's status: the status it
 * sends is kept with the step. update_id, when sent, is the client's own id of the update: a retry answers the first.
 */
export async function postUpdate(ctx: AppContext, f: Record<string, string | undefined>, media: Buffer[], dryRun: boolean) {
  if (!f.api_key) throw new Open311Error(403, 403, 'api_key was not provided');
  const client = await activeClient(ctx, f.api_key);
  if (!client) throw new Open311Error(403, 403, 'api_key is not valid');
  const c = await communityOf(ctx, f.jurisdiction_id);
  if (c.id !== client.community_id) throw new Open311Error(403, 403, 'api_key is not valid for this jurisdiction_id');
  if (!f.service_request_id) throw new Open311Error(400, 400, 'service_request_id was not provided');
  const text = (f.description ?? '').replace(/\r\n/g, '\n').trim();
  if (text.length < 2) throw new Open311Error(400, 400, 'description was not provided');
  if (text.length > 500) throw new Open311Error(400, 400, 'description: at most 500 characters');
  const status = f.status?.trim().toUpperCase() || null;
  if (status && !['OPEN', 'CLOSED'].includes(status)) throw new Open311Error(400, 400, 'status is not OPEN or CLOSED');
  const photos = checkMedia(media);
  if (dryRun) return [{ update_id: `TEST-${Date.now()}` }];
  const result = await addExternalUpdate(ctx, c.id, {
    code: f.service_request_id,
    text,
    clientLabel: `open311:${client.name}`,
    clientUpdateId: f.update_id?.trim() || null,
    clientStatus: status,
    photos,
  });
  if (result.kind === 'not_found') throw new Open311Error(404, 404, `service_request_id ${f.service_request_id} not found`);
  if (result.kind === 'closed') throw new Open311Error(400, 400, `service_request_id ${f.service_request_id} is closed`);
  return [{ update_id: String(result.updateId) }];
}
