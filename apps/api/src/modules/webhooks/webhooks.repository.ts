import { sql, type Insertable, type Kysely, type Transaction, type Updateable } from 'kysely';
import type { DB, WebhooksTable } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';
import { dueBefore } from '../../platform/time.js';

type Db = Kysely<DB> | Transaction<DB>;

export function listWebhooks(db: Db, communityId: CommunityId) {
  return db.selectFrom('webhooks').selectAll().where('community_id', '=', communityId).orderBy('id').execute();
}

export function findWebhook(db: Db, scope: Scope, id: number) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).where(inScope(scope, 'community_id')).executeTakeFirst();
}

/** The hooks that receive new events: switched on and not paused by the breaker. */
export async function listActiveHookIds(db: Db, communityId: CommunityId): Promise<number[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select('id')
    .where('community_id', '=', communityId)
    .where('is_active', '=', true)
    .where('paused_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export function insertWebhook(db: Db, values: Insertable<WebhooksTable>) {
  return db.insertInto('webhooks').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateWebhook(db: Db, communityId: CommunityId, id: number, set: Updateable<WebhooksTable>) {
  return db.updateTable('webhooks').set(set).where('community_id', '=', communityId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function listDeliveries(db: Db, communityId: CommunityId, webhookId: number) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
}

/** Queues deliveries; one already queued for the same webhook and outbox event is left alone (a redelivered event). */
export async function insertDeliveries(
  db: Db,
  communityId: CommunityId,
  rows: Array<{ webhookId: number; event: string; payload: string; at: Date; outboxId: number | null }>,
) {
  if (rows.length === 0) return;
  await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        community_id: communityId,
        webhook_id: r.webhookId,
        event: r.event,
        payload: r.payload,
        next_attempt_at: r.at,
        outbox_id: r.outboxId,
      })),
    )
    .onConflict((oc) => oc.columns(['webhook_id', 'outbox_id']).where('outbox_id', 'is not', null).doNothing())
    .execute();
}

export interface ClaimedDelivery {
  id: number;
  community_id: number;
  webhook_id: number;
  payload: unknown;
  attempts: number;
  url: string;
  format: 'json' | 'wecom' | 'dingtalk' | 'feishu';
  secret: string | null;
}

/**
 * The worker's claim, across communities: the next due deliveries of each endpoint that is on, not paused and not
 * backing off, at most `perEndpoint` each and `limit` in all, leased until `leaseUntil` so no other sender takes them.
 * Endpoints in `busyWebhookIds` (still sending in this process) are skipped. Each endpoint is read through the
 * (webhook_id, next_attempt_at) index, so thousands of queued deliveries for dead endpoints cost nothing here.
 */
export async function claimDueDeliveries(
  db: Db,
  now: Date,
  o: { perEndpoint: number; limit: number; leaseUntil: Date; busyWebhookIds: number[] },
): Promise<ClaimedDelivery[]> {
  const busy = o.busyWebhookIds.length ? sql`and w2.id not in (${sql.join(o.busyWebhookIds)})` : sql``;
  const result = await sql<ClaimedDelivery>`
    with picked as materialized (
      select due.id from webhooks w2
      cross join lateral (
        select x.id from webhook_deliveries x
        where x.webhook_id = w2.id and x.status = 'pending' and x.next_attempt_at < ${dueBefore(now)}
        order by x.next_attempt_at, x.id limit ${o.perEndpoint}
      ) due
      where w2.is_active and w2.paused_at is null and (w2.backoff_until is null or w2.backoff_until <= ${now}) ${busy}
      limit ${o.limit}
    )
    update webhook_deliveries d set next_attempt_at = ${o.leaseUntil}
    from picked p, webhooks w
    where d.id = p.id and w.id = d.webhook_id and d.status = 'pending' and d.next_attempt_at < ${dueBefore(now)}
    returning d.id, d.community_id, d.webhook_id, d.payload, d.attempts, w.url, w.format, w.secret`.execute(db);
  return result.rows.map((r) => ({ ...r, id: Number(r.id), community_id: Number(r.community_id), webhook_id: Number(r.webhook_id) }));
}

export async function markDelivered(db: Db, id: number, attempts: number, statusCode: number | null, now: Date) {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivered', attempts, last_status_code: statusCode, last_error: null, delivered_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(db: Db, id: number, o: { attempts: number; statusCode: number | null; error: string; nextAttemptAt: Date | null }) {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: o.nextAttemptAt ? 'pending' : 'failed',
      attempts: o.attempts,
      last_status_code: o.statusCode,
      last_error: o.error,
      ...(o.nextAttemptAt ? { next_attempt_at: o.nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function recordEndpointSuccess(db: Db, webhookId: number) {
  await db.updateTable('webhooks').set({ consecutive_failures: 0, failing_since: null, backoff_until: null }).where('id', '=', webhookId).execute();
}

/** Counts one more failure in a row and returns the endpoint's record after it. */
export function recordEndpointFailure(db: Db, webhookId: number, now: Date, error: string) {
  return db
    .updateTable('webhooks')
    .set({ consecutive_failures: sql`consecutive_failures + 1`, failing_since: sql`coalesce(failing_since, ${now})`, last_error: error })
    .where('id', '=', webhookId)
    .returning(['id', 'community_id', 'consecutive_failures', 'failing_since', 'paused_at'])
    .executeTakeFirstOrThrow();
}

export async function setEndpointBackoff(db: Db, webhookId: number, until: Date) {
  await db.updateTable('webhooks').set({ backoff_until: until }).where('id', '=', webhookId).execute();
}

export async function pauseWebhook(db: Db, communityId: CommunityId, webhookId: number, now: Date, reason: string) {
  await db.updateTable('webhooks').set({ paused_at: now, pause_reason: reason }).where('community_id', '=', communityId).where('id', '=', webhookId).execute();
}
