import { openTicketStatuses } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { externalRequests, findTicketCode, settingsOf, type ExternalRequest } from '../tickets/index.js';
import { Open311Error } from './format.js';
import { mediaUrl } from './media.js';
import { dateWindow, listParam } from './params.js';
import { activeClient, communityOf } from './open311.service.js';

const openStates: readonly string[] = openTicketStatuses;

/**
 * How much a reader sees: `summary` (the default without a key) is category, status, times and compound; `full` (the
 * community's choice) adds the description, notes, address, position, photo and deadline; a client with a valid
 * api_key sees `full` and who carries it. Reporters' names and phones are never answered.
 */
export type Detail = 'summary' | 'full' | 'client';

/** The detail a read gets: a valid key of this community gives `client`, otherwise the community's setting. */
export async function detailFor(ctx: AppContext, communityId: CommunityId, apiKey: string | undefined): Promise<Detail> {
  if (apiKey) {
    const client = await activeClient(ctx, apiKey);
    if (!client || client.community_id !== communityId) throw new Open311Error(403, 403, 'api_key is not valid');
    return 'client';
  }
  return (await settingsOf(ctx.db, communityId)).open311PublicDetail;
}

type RequestRow = ExternalRequest & { community: string; communityId: number };

export const mergedNote = (code: string) => `已并入 ${code} 一并办理 / merged into ${code}`;

function presentRequest(ctx: AppContext, base: string, r: RequestRow, detail: Detail) {
  const shown = detail !== 'summary';
  const merged = r.status === 'merged';
  return {
    service_request_id: r.code,
    status: openStates.includes(r.status) ? 'open' : 'closed',
    // A merged request names the ticket it joined by its public code, whatever the detail.
    status_notes: merged && r.merged_into_code ? mergedNote(r.merged_into_code) : shown ? (r.status_notes ?? null) : null,
    service_name: r.service_name,
    service_code: r.service_code,
    description: shown ? r.description : null,
    // Staff are named to keyed clients only; the public sees the partner or the community.
    agency_responsible: detail === 'client' ? (r.partner ?? r.assignee ?? r.community) : shown ? (r.partner ?? r.community) : r.community,
    service_notice: null,
    requested_datetime: new Date(r.created_at).toISOString(),
    updated_datetime: new Date(r.updated_at).toISOString(),
    expected_datetime: shown && !merged ? new Date(r.resolution_due_at).toISOString() : null,
    address: (shown ? [r.compound, r.address_text].filter(Boolean).join(' ') : r.compound) || null,
    address_id: null,
    zipcode: null,
    lat: shown ? r.latitude : null,
    long: shown ? r.longitude : null,
    media_url: shown ? mediaUrl(ctx, base, r.communityId, r.first_photo_id) : null,
  };
}

const statusFilter = (value: string | undefined) => {
  const statuses = listParam(value?.toLowerCase());
  if (!statuses) return {};
  const unknown = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (unknown.length) throw new Open311Error(400, 400, `status ${unknown.join(',')} is not open or closed`);
  if (statuses.length === 2) return {};
  return statuses[0] === 'open' ? { statusIn: openStates } : { statusNotIn: openStates };
};

/** GET requests: service_request_id (a list) overrides every other filter; service_code and status take lists; 90 days at most. */
export async function listRequests(ctx: AppContext, base: string, f: Record<string, string | undefined>) {
  const c = await communityOf(ctx, f.jurisdiction_id);
  const codes = listParam(f.service_request_id);
  const filter = codes
    ? { codes }
    : (() => {
        const { from, to } = dateWindow(f.start_date, f.end_date);
        return { serviceCodes: listParam(f.service_code), ...statusFilter(f.status), createdFrom: from, createdTo: to };
      })();
  const detail = await detailFor(ctx, c.id, f.api_key);
  const rows = await externalRequests(ctx.db, c.id, filter);
  return rows.map((r) => presentRequest(ctx, base, { ...r, community: c.name, communityId: c.id }, detail));
}

export async function getRequest(ctx: AppContext, base: string, f: Record<string, string | undefined>, id: string) {
  const c = await communityOf(ctx, f.jurisdiction_id);
  const detail = await detailFor(ctx, c.id, f.api_key);
  const rows = await externalRequests(ctx.db, c.id, { codes: [id] });
  if (rows.length === 0) throw new Open311Error(404, 404, `service_request_id ${id} not found`);
  return rows.map((r) => presentRequest(ctx, base, { ...r, community: c.name, communityId: c.id }, detail));
}

export async function getToken(ctx: AppContext, jurisdictionId: string | undefined, token: string) {
  const c = await communityOf(ctx, jurisdictionId);
  const t = await findTicketCode(ctx.db, c.id, token);
  if (!t) throw new Open311Error(404, 404, `token ${token} not found`);
  return [{ service_request_id: t.code, token }];
}
