import crypto from 'node:crypto';
import type { CorrectHoursInput, MyVolunteer, OpenSessionInput, RecordHoursInput, ServiceSession, SignResult } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import { authorize, resolveCommunityId, scopeOf, type Actor } from '../../platform/access/actor.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { iso } from '../../platform/time.js';
import { accountNames } from '../people/index.js';
import * as refs from './refs.repository.js';
import * as repo from './volunteers.repository.js';
import * as sessions from './sessions.repository.js';
import { correctServiceHours, recordServiceHours } from './record-hours.js';
import { presentEntry, presentVolunteer } from './volunteers.presenter.js';
import { settingsOf } from './settings.js';
import { hoursOf } from './rounding.js';
import { hoursToNextStar } from './stars.js';

/** The organiser records hours directly (they confirm them: 谁记录谁证明). */
export async function recordHours(ctx: AppContext, actor: Actor, input: RecordHoursInput) {
  authorize(actor, 'volunteers.record');
  // The volunteer's own community, checked against the actor's scope (another community answers 404).
  const found = await repo.findVolunteer(ctx.db, scopeOf(actor), input.volunteerId);
  if (!found) throw notFound('volunteer');
  const cid = resolveCommunityId(actor, found.community_id);
  const id = await ctx.db.transaction().execute((trx) =>
    recordServiceHours(trx, cid, {
      volunteerId: input.volunteerId,
      source: { kind: input.sourceKind, id: input.sourceId ?? null, title: input.sourceTitle },
      startedAt: new Date(input.startedAt),
      endedAt: new Date(input.endedAt),
      recordedBy: actor.accountId,
      note: input.note ?? null,
      requestId: actor.requestId,
    }),
  );
  return entryOf(ctx, cid, id);
}

async function entryOf(ctx: AppContext, cid: ReturnType<typeof trustedCommunityId>, id: number) {
  const row = await repo.entryById(ctx.db, cid, id);
  if (!row) throw notFound('service hours');
  const [volunteers, accounts] = await Promise.all([refs.volunteerRows(ctx.db, cid, [row.volunteer_id]), accountNames(ctx.db, [row.recorded_by])]);
  return presentEntry(row, { volunteers: new Map(volunteers.map((r) => [r.id, r.name])), accounts });
}

export async function correctHours(ctx: AppContext, actor: Actor, entryId: number, input: CorrectHoursInput) {
  authorize(actor, 'volunteers.record');
  const { cid, id } = await ctx.db.transaction().execute(async (trx) => {
    const original = await repo.findEntry(trx, scopeOf(actor), entryId);
    if (!original) throw notFound('service hours');
    const cid = resolveCommunityId(actor, original.community_id);
    const id = await correctServiceHours(trx, cid, original, {
      deltaMinutes: Math.round(input.countedHours * 60),
      reason: input.reason,
      by: actor.accountId,
      requestId: actor.requestId,
    });
    return { cid, id };
  });
  return entryOf(ctx, cid, id);
}

export async function listHours(ctx: AppContext, actor: Actor, query: { volunteerId?: number; from?: string; to?: string; communityId?: number }) {
  authorize(actor, 'volunteers.read');
  const cid = resolveCommunityId(actor, query.communityId);
  const rows = await repo.hoursEntries(ctx.db, cid, {
    volunteerId: query.volunteerId,
    from: query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined,
    to: query.to ? new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
  });
  const [volunteers, accounts] = await Promise.all([
    refs.volunteerRows(
      ctx.db,
      cid,
      rows.map((r) => r.volunteer_id),
    ),
    accountNames(
      ctx.db,
      rows.map((r) => r.recorded_by),
    ),
  ]);
  const names = { volunteers: new Map(volunteers.map((r) => [r.id, r.name])), accounts };
  return { items: rows.map((r) => presentEntry(r, names)), totalHours: hoursOf(rows.reduce((s, r) => s + r.counted_minutes, 0)) };
}

// ---- service sessions (签到场次) ----

const codeAlphabet = '0123456789';
/** Six digits, easy to read out and type on a phone; only its hash is stored. */
export const newSessionCode = () => Array.from(crypto.randomBytes(6), (b) => codeAlphabet[b % 10]).join('');
export const hashSessionCode = (code: string) => crypto.createHash('sha256').update(`linli-session:${code.trim()}`).digest('base64url');

function presentSession(r: sessions.SessionRow, names: Map<number, string>): ServiceSession {
  return {
    id: r.id,
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    title: r.title,
    place: r.place,
    openedBy: r.opened_by,
    openedByName: names.get(r.opened_by) ?? '',
    openedAt: iso(r.opened_at),
    closesAt: iso(r.closes_at),
    closedAt: iso(r.closed_at),
    signedIn: Number(r.signed_in),
    signedOut: Number(r.signed_out),
  };
}

/** Opens a session and answers its code once (shown as text and QR); whoever opens it confirms the hours it yields. */
export async function openSession(ctx: AppContext, actor: Actor, input: OpenSessionInput): Promise<ServiceSession & { code: string }> {
  authorize(actor, 'volunteers.record');
  const cid = resolveCommunityId(actor, input.communityId);
  for (let attempt = 0; ; attempt++) {
    const code = newSessionCode();
    try {
      const id = await ctx.db.transaction().execute(async (trx) => {
        const { id } = await sessions.insertSession(trx, {
          community_id: cid,
          source_kind: input.sourceKind,
          source_id: input.sourceId ?? null,
          title: input.title,
          place: input.place ?? null,
          code_hash: hashSessionCode(code),
          opened_by: actor.accountId,
          closes_at: new Date(Date.now() + input.durationMinutes * 60_000),
        });
        await writeAudit(trx, actor, {
          communityId: cid,
          action: 'service_session.opened',
          entityType: 'service_session',
          entityId: id,
          changes: { title: input.title, source: input.sourceKind, sourceId: input.sourceId ?? null },
        });
        return id;
      });
      return { ...(await getSession(ctx, actor, id)), code };
    } catch (err) {
      // Another open session drew the same code: draw again.
      if ((err as { code?: string }).code !== '23505' || attempt >= 5) throw err;
    }
  }
}

export async function getSession(ctx: AppContext, actor: Actor, id: number): Promise<ServiceSession> {
  authorize(actor, 'volunteers.record');
  const row = await sessions.findSession(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('service session');
  return presentSession(row, await accountNames(ctx.db, [row.opened_by]));
}

export async function listSessions(ctx: AppContext, actor: Actor, communityId?: number) {
  authorize(actor, 'volunteers.record');
  const rows = await sessions.listSessions(ctx.db, resolveCommunityId(actor, communityId));
  const names = await accountNames(
    ctx.db,
    rows.map((r) => r.opened_by),
  );
  return { items: rows.map((r) => presentSession(r, names)) };
}

export async function closeSession(ctx: AppContext, actor: Actor, id: number): Promise<ServiceSession> {
  authorize(actor, 'volunteers.record');
  const row = await sessions.findSession(ctx.db, scopeOf(actor), id);
  if (!row) throw notFound('service session');
  const cid = resolveCommunityId(actor, row.community_id);
  await ctx.db.transaction().execute(async (trx) => {
    await sessions.closeSession(trx, cid, id);
    await writeAudit(trx, actor, { communityId: cid, action: 'service_session.closed', entityType: 'service_session', entityId: id });
  });
  return getSession(ctx, actor, id);
}

/**
 * A volunteer enters the organiser's code on the phone: signs in, or signs out when already in — then the hours are
 * recorded with the organiser as recorder and confirmer. A wrong, closed or expired code, or another community's,
 * gets one answer.
 */
export async function sign(ctx: AppContext, actor: Actor, input: { code: string; action?: 'in' | 'out' }): Promise<SignResult> {
  authorize(actor, 'volunteers.self');
  const scope = scopeOf(actor);
  const me = await repo.findByAccount(ctx.db, scope, actor.accountId);
  if (!me) throw new AppError('VOLUNTEER_NOT_APPROVED', 'no volunteer for this account');
  if (me.status !== 'approved') throw new AppError('VOLUNTEER_NOT_APPROVED', `volunteer is ${me.status}`);
  const cid = resolveCommunityId(actor, me.community_id);
  const now = new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const s = await sessions.sessionOfCode(trx, hashSessionCode(input.code), now);
    if (!s || s.community_id !== cid) throw new AppError('VOLUNTEER_SESSION_CODE_INVALID', 'no open session with this code');
    const open = await sessions.openSignin(trx, s.id, me.id);
    if (!open) {
      if (input.action === 'out') throw new AppError('VOLUNTEER_NOT_SIGNED_IN', 'not signed in to this session');
      const row = await sessions.insertSignin(trx, { community_id: cid, session_id: s.id, volunteer_id: me.id }).catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw new AppError('INVALID_STATE', 'already signed in');
        throw err;
      });
      await writeAudit(trx, actor, {
        communityId: cid,
        action: 'service_session.signed_in',
        entityType: 'service_session',
        entityId: s.id,
        changes: { volunteerId: me.id },
      });
      return { action: 'signed_in' as const, sessionTitle: s.title, at: iso(row.signed_in_at), hours: null };
    }
    if (input.action === 'in') throw new AppError('INVALID_STATE', 'already signed in');
    const entryId = await recordServiceHours(trx, cid, {
      volunteerId: me.id,
      source: { kind: s.source_kind, id: s.source_id, title: s.title },
      startedAt: open.signed_in_at,
      endedAt: now,
      recordedBy: s.opened_by,
      sessionId: s.id,
      requestId: actor.requestId,
    });
    await sessions.closeSignin(trx, open.id, now, entryId);
    const entry = await repo.entryById(trx, cid, entryId);
    return { action: 'signed_out' as const, sessionTitle: s.title, at: iso(now), hours: hoursOf(entry?.counted_minutes ?? 0) };
  });
}

/** The volunteer's phone page: their record, star, hours and the sessions they are signed in to. */
export async function myVolunteer(ctx: AppContext, actor: Actor): Promise<MyVolunteer> {
  authorize(actor, 'volunteers.self');
  const me = await repo.findByAccount(ctx.db, scopeOf(actor), actor.accountId);
  if (!me) return { volunteer: null, entries: [], openSignins: [], hoursToNextStar: null, starThresholds: [] };
  const cid = resolveCommunityId(actor, me.community_id);
  const [settings, entries, open] = await Promise.all([
    settingsOf(ctx.db, cid),
    repo.hoursEntries(ctx.db, cid, { volunteerId: me.id, limit: 50 }),
    sessions.openSigninsOf(ctx.db, cid, me.id),
  ]);
  const accounts = await accountNames(
    ctx.db,
    entries.map((e) => e.recorded_by),
  );
  return {
    volunteer: presentVolunteer(me, settings.starThresholds),
    entries: entries.map((e) => presentEntry(e, { volunteers: new Map([[me.id, me.name]]), accounts })),
    openSignins: open.map((o) => ({ sessionId: o.session_id, title: o.title, signedInAt: iso(o.signed_in_at) })),
    hoursToNextStar: hoursToNextStar(Number(me.minutes), settings.starThresholds),
    starThresholds: settings.starThresholds,
  };
}
