import crypto from 'node:crypto';
import { type CreateOpen311ClientInput, type IssuedOpen311Client, type Open311Client } from '@linli/contracts';

import type { AppContext } from '../../platform/context.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { notFound } from '../../platform/errors.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { addExternalPhotos, ensureCategories, submitExternalTicket } from '../tickets/index.js';
import { placeRefs } from '../places/index.js';
import { Open311Error } from './format.js';
import { checkMedia } from './media.js';
import { locationOf, normalisePhone } from './params.js';
import * as repo from './open311.repository.js';

const keyHash = (key: string) => crypto.createHash('sha256').update(key).digest('hex');
/** "linli-" and four more characters: enough to tell keys apart, far too little to guess the rest. */
const keyPrefixOf = (key: string) => key.slice(0, 10);

export async function communityOf(ctx: AppContext, jurisdictionId: string | undefined) {
  if (!jurisdictionId) throw new Open311Error(400, 400, 'jurisdiction_id was not provided');
  const c = await placeRefs.communityByCode(ctx.db, jurisdictionId);
  if (!c) throw new Open311Error(404, 404, `jurisdiction_id ${jurisdictionId} not found`);
  // Open311 is public per jurisdiction: the community the caller named, found by its code, is the one it acts in.
  return { ...c, id: trustedCommunityId(c.id) };
}

/** Discovery lists this server's endpoint (production) and its test endpoint, which checks a POST fully and files nothing. */
export async function discovery(ctx: AppContext, baseUrl: string) {
  const endpoint = (type: 'production' | 'test', path: string) => ({
    specification: 'http://wiki.open311.org/GeoReport_v2',
    url: `${baseUrl}${path}`,
    changeset: '2026-12-03T00:00:00Z',
    type,
    formats: ['application/json', 'text/xml'],
  });
  return {
    changeset: '2026-12-03T00:00:00Z',
    contact: 'Linli (邻里) community platform',
    key_service: 'Ask the community secretary for an API key (console: Open311 clients)',
    endpoints: [endpoint('production', open311Paths.production), endpoint('test', open311Paths.test)],
  };
}

/** Where the endpoints are served: the test one answers like production, but a POST is checked and not written. */
export const open311Paths = { production: '/open311/v2', test: '/open311/v2/test' } as const;

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

export const activeClient = (ctx: AppContext, apiKey: string) => repo.findActiveClient(ctx.db, keyHash(apiKey));

/**
 * Creates a ticket for an API client. The key decides the community; jurisdiction_id must match it. Photos come in the
 * multipart `media` field and are checked before anything is written. A phone we cannot call back (neither a mainland
 * mobile nor E.164) does not refuse the request: it is left out and service_notice says so. `dryRun` (the test
 * endpoint) checks everything and writes nothing.
 */
export async function createRequest(ctx: AppContext, f: Record<string, string | undefined>, media: Buffer[] = [], dryRun = false) {
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
  const { phone, refused } = normalisePhone(f.phone);
  const location = locationOf(f.lat, f.long);
  const photos = checkMedia(media);
  const address = [f['attribute[building]'], f.address_string].filter(Boolean).join(' ') || null;
  const name = [f.last_name, f.first_name].filter(Boolean).join('') || null;
  const notice = ['已受理登记，可凭编号查询进度', refused ? '电话号码无法识别，未保存 / the phone number was not recognised and is not kept' : null];
  if (dryRun) {
    notice[0] = '测试接口：已通过校验，未登记 / test endpoint: checked, nothing was filed';
    return [{ service_request_id: null, token: null, service_notice: notice.filter(Boolean).join('；'), account_id: null }];
  }
  const created = await submitExternalTicket(
    ctx,
    c.id,
    { categoryId: cat.id, description, addressText: address, compoundId, reporterName: name, reporterPhone: phone, location },
    `open311:${client.name}`,
  );
  if (photos.length) await addExternalPhotos(ctx, { id: created.id, community_id: c.id }, photos, null, 'online');
  await writeAudit(ctx.db, null, {
    communityId: c.id,
    action: 'open311.request_created',
    entityType: 'ticket',
    entityId: created.id,
    changes: { client: client.name, photos: photos.length, phoneKept: !refused },
  });
  // The reference is public; the reporter's tracking code never leaves through Open311 (ADR 0010).
  return [{ service_request_id: created.code, token: created.code, service_notice: notice.filter(Boolean).join('；'), account_id: null }];
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
