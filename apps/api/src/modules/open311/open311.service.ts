import crypto from 'node:crypto';
import { openTicketStatuses, type CreateOpen311ClientInput, type IssuedOpen311Client, type Open311Client } from '@linli/contracts';

import type { AppContext } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { notFound } from '../../platform/errors.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { ensureCategories, externalRequests, findTicketCode, settingsOf, submitExternalTicket, type ExternalRequest } from '../tickets/index.js';
import { placeRefs } from '../places/index.js';
import { Open311Error } from './format.js';
import * as repo from './open311.repository.js';

const openStates: readonly string[] = openTicketStatuses;
const keyHash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
/** "linli-" and four more characters: enough to tell keys apart, far too little to guess the rest. */
const keyPrefixOf = (key: string) => key.slice(0, 10);

async function communityOf(ctx: AppContext, jurisdictionId: string | undefined) {
  if (!jurisdictionId) throw new Open311Error(400, 400, 'jurisdiction_id was not provided');
  const c = await placeRefs.communityByCode(ctx.db, jurisdictionId);
  if (!c) throw new Open311Error(404, 404, `jurisdiction_id ${jurisdictionId} not found`);
  // Open311 is public per jurisdiction: the community the caller named, found by its code, is the one it acts in.
  return { ...c, id: trustedCommunityId(c.id) };
}

export async function discovery(ctx: AppContext, baseUrl: string) {
  return {
    changeset: '2026-11-23T00:00:00Z',
    contact: 'Linli (邻里) community platform',
    key_service: 'Ask the community secretary for an API key (console: Open311 clients)',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${baseUrl}/open311/v2`,
        changeset: '2026-11-23T00:00:00Z',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

export async function services(ctx: AppContext, jurisdictionId: string | undefined) {
  const c = await communityOf(ctx, jurisdictionId);
  const cats = await ensureCategories(ctx, c.id);
  return cats
    .filter((k) => k.is_active)
    .map((k) => ({
      service_code: k.code,
      service_name: k.name_zh,
      description: `${k.name_zh} / ${k.name_en}`,
      metadata: true,
      type: 'realtime',
      keywords: k.name_en,
      group: c.name,
    }));
}

export async function serviceDefinition(ctx: AppContext, jurisdictionId: string | undefined, code: string) {
  const c = await communityOf(ctx, jurisdictionId);
  const cat = (await ensureCategories(ctx, c.id)).find((k) => k.code === code && k.is_active);
  if (!cat) throw new Open311Error(404, 404, `service_code ${code} not found`);
  const compounds = await placeRefs.compoundsOf(ctx.db, c.id);
  return {
    service_code: cat.code,
    attributes: [
      {
        variable: true,
        code: 'compound',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '小区',
        order: 1,
        description: '小区 / compound',
        values: compounds.map((p) => ({ key: String(p.id), name: p.name })),
      },
      {
        variable: true,
        code: 'building',
        datatype: 'string',
        required: false,
        datatype_description: '楼栋、单元',
        order: 2,
        description: '楼栋 / building',
        values: [],
      },
    ],
  };
}

const activeClient = (ctx: AppContext, apiKey: string) => repo.findActiveClient(ctx.db, keyHash(apiKey));

/** Creates a ticket for an API client. The key decides the community; jurisdiction_id must match it. */
export async function createRequest(ctx: AppContext, f: Record<string, string | undefined>) {
  if (!f.api_key) throw new Open311Error(403, 403, 'api_key was not provided');
  const client = await activeClient(ctx, f.api_key);
  if (!client) throw new Open311Error(403, 403, 'api_key is not valid');
  const c = await communityOf(ctx, f.jurisdiction_id);
  if (c.id !== client.community_id) throw new Open311Error(403, 403, 'api_key is not valid for this jurisdiction_id');
  if (!f.service_code) throw new Open311Error(400, 400, 'service_code was not provided');
  const cat = (await ensureCategories(ctx, c.id)).find((k) => k.code === f.service_code && k.is_active);
  if (!cat) throw new Open311Error(404, 404, `service_code ${f.service_code} not found`);
  const description = (f.description ?? '').replace(/\r\n/g, '\n').trim();
  if (description.length < 2) throw new Open311Error(400, 400, 'description was not provided');
  const compoundId = Number(f['attribute[compound]']) || null;
  if (compoundId && !(await placeRefs.findCompoundRef(ctx.db, c.id, compoundId))) {
    throw new Open311Error(400, 400, 'attribute[compound] is not a compound of this jurisdiction');
  }
  const phone = f.phone?.replace(/[\s-]/g, '') || null;
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) throw new Open311Error(400, 400, 'phone is not a valid mobile number');
  const address = [f['attribute[building]'], f.address_string, f.lat && f.long ? `(${f.lat}, ${f.long})` : null].filter(Boolean).join(' ') || null;
  const name = [f.last_name, f.first_name].filter(Boolean).join('') || null;
  const created = await submitExternalTicket(
    ctx,
    c.id,
    { categoryId: cat.id, description, addressText: address, compoundId, reporterName: name, reporterPhone: phone },
    `open311:${client.name}`,
  );
  await writeAudit(ctx.db, null, {
    communityId: c.id,
    action: 'open311.request_created',
    entityType: 'ticket',
    entityId: created.id,
    changes: { client: client.name },
  });
  // The reference is public; the reporter's tracking code never leaves through Open311 (ADR 0010).
  return [{ service_request_id: created.code, token: created.code, service_notice: '已受理登记，可凭编号查询进度', account_id: null }];
}

type RequestRow = ExternalRequest & { community: string };

/**
 * How much a reader sees: `summary` (the default without a key) is category, status, times and compound; `full` (the
 * community's choice) adds the description, notes, address and deadline; a client with a valid api_key also sees who carries it.
 */
type Detail = 'summary' | 'full' | 'client';

/** The detail a read gets: a valid key of this community gives `client`, otherwise the community's setting. */
async function detailFor(ctx: AppContext, communityId: CommunityId, apiKey: string | undefined): Promise<Detail> {
  if (apiKey) {
    const client = await activeClient(ctx, apiKey);
    if (!client || client.community_id !== communityId) throw new Open311Error(403, 403, 'api_key is not valid');
    return 'client';
  }
  return (await settingsOf(ctx.db, communityId)).open311PublicDetail;
}

function presentRequest(r: RequestRow, detail: Detail) {
  const shown = detail !== 'summary';
  return {
    service_request_id: r.code,
    status: openStates.includes(r.status) ? 'open' : 'closed',
    status_notes: shown ? (r.status_notes ?? null) : null,
    service_name: r.service_name,
    service_code: r.service_code,
    description: shown ? r.description : null,
    // Staff are named to keyed clients only; the public sees the partner or the community.
    agency_responsible: detail === 'client' ? (r.partner ?? r.assignee ?? r.community) : shown ? (r.partner ?? r.community) : r.community,
    service_notice: null,
    requested_datetime: new Date(r.created_at).toISOString(),
    updated_datetime: new Date(r.updated_at).toISOString(),
    expected_datetime: shown ? new Date(r.resolution_due_at).toISOString() : null,
    address: (shown ? [r.compound, r.address_text].filter(Boolean).join(' ') : r.compound) || null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  };
}

export async function listRequests(ctx: AppContext, f: Record<string, string | undefined>) {
  const c = await communityOf(ctx, f.jurisdiction_id);
  const end = f.end_date ? new Date(f.end_date) : new Date();
  const start = f.start_date ? new Date(f.start_date) : new Date(end.getTime() - 90 * 86_400_000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) throw new Open311Error(400, 400, 'start_date or end_date is not a valid date');
  const detail = await detailFor(ctx, c.id, f.api_key);
  const rows = await externalRequests(ctx.db, c.id, {
    codes: f.service_request_id
      ? f.service_request_id
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    serviceCode: f.service_code || undefined,
    statusIn: f.status === 'open' ? openStates : undefined,
    statusNotIn: f.status === 'closed' ? openStates : undefined,
    // service_request_id overrides the date range.
    ...(f.service_request_id ? {} : { createdFrom: start, createdTo: end }),
  });
  return rows.map((r) => presentRequest({ ...r, community: c.name }, detail));
}

export async function getRequest(ctx: AppContext, f: Record<string, string | undefined>, id: string) {
  const c = await communityOf(ctx, f.jurisdiction_id);
  const detail = await detailFor(ctx, c.id, f.api_key);
  const rows = await externalRequests(ctx.db, c.id, { codes: [id] });
  if (rows.length === 0) throw new Open311Error(404, 404, `service_request_id ${id} not found`);
  return rows.map((r) => presentRequest({ ...r, community: c.name }, detail));
}

export async function getToken(ctx: AppContext, jurisdictionId: string | undefined, token: string) {
  const c = await communityOf(ctx, jurisdictionId);
  const t = await findTicketCode(ctx.db, c.id, token);
  if (!t) throw new Open311Error(404, 404, `token ${token} not found`);
  return [{ service_request_id: t.code, token }];
}

/** Issues an API key for a client of the community (shown once; only its hash is kept). */
export async function issueClientKey(ctx: AppContext, communityId: number, name: string, key = `linli-${crypto.randomBytes(18).toString('base64url')}`) {
  // Seeding and tests only: no request reaches this (requests go through createClient).
  await repo.insertClient(ctx.db, { communityId: trustedCommunityId(communityId), name, keyHash: keyHash(key), keyPrefix: keyPrefixOf(key) });
  return key;
}

export async function listClients(ctx: AppContext, actor: Actor, communityId?: number): Promise<{ items: Open311Client[] }> {
  authorize(actor, 'open311.manage');
  const rows = await repo.listClients(ctx.db, resolveCommunityId(actor, communityId));
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, keyPrefix: r.key_prefix, isActive: r.is_active, createdAt: new Date(r.created_at).toISOString() })),
  };
}

/** A new client and its key; the key is answered this once and only its hash is stored. */
export async function createClient(ctx: AppContext, actor: Actor, input: CreateOpen311ClientInput): Promise<IssuedOpen311Client> {
  authorize(actor, 'open311.manage');
  const cid = resolveCommunityId(actor, input.communityId);
  const key = `linli-${crypto.randomBytes(18).toString('base64url')}`;
  return ctx.db.transaction().execute(async (trx) => {
    const keyPrefix = keyPrefixOf(key);
    const row = await repo.insertClient(trx, { communityId: cid, name: input.name, keyHash: keyHash(key), keyPrefix });
    if (!row) throw new Error('a new key collided with an existing one');
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'open311_client.created',
      entityType: 'open311_client',
      entityId: row.id,
      changes: { name: input.name, keyPrefix },
    });
    return { id: row.id, name: input.name, keyPrefix, apiKey: key };
  });
}

export async function revokeClient(ctx: AppContext, actor: Actor, id: number) {
  authorize(actor, 'open311.manage');
  const scope = scopeIds(actor);
  const row = await repo.findClient(ctx.db, scope, id);
  if (!row) throw notFound('client');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deactivateClient(trx, id);
    await writeAudit(trx, actor, { communityId: row.community_id, action: 'open311_client.revoked', entityType: 'open311_client', entityId: id });
  });
  return { ok: true as const };
}
