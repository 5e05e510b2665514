import { z } from 'zod';
import type { CreateProjectInput, ProjectStatus, claimProjectSchema } from '@linli/contracts';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { authorize, resolveCommunityId, type Actor } from '../../platform/access/actor.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { writeAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError, invalidField, notFound } from '../../platform/errors.js';
import { placeRefs } from '../places/index.js';
import { isProgressing, isValidPercent, nextProjectStatus, type ProjectMove } from './project-state.js';
import { presentProject } from './projects.presenter.js';
import * as repo from './projects.repository.js';

/** One step of a project: the timeline row and the audit row, in the caller's transaction. */
async function recordStep(
  trx: Transaction<DB>,
  s: {
    cid: number;
    projectId: number;
    action: string;
    from?: string | null;
    to?: string | null;
    actor: AuditActor | null;
    note?: string | null;
    changes?: object;
  },
) {
  await repo.insertEvent(trx, {
    community_id: s.cid,
    project_id: s.projectId,
    action: s.action,
    from_status: s.from ?? null,
    to_status: s.to ?? null,
    actor_id: s.actor?.accountId ?? null,
    note: s.note ?? null,
  });
  await writeAudit(trx, s.actor, {
    communityId: s.cid,
    action: `project.${s.action}`,
    entityType: 'project',
    entityId: s.projectId,
    changes: { from: s.from ?? null, to: s.to ?? null, ...(s.changes ?? {}) },
    reason: s.note ?? null,
  });
}

async function present(ctx: AppContext, cid: CommunityId, id: number) {
  const p = await repo.projectById(ctx.db, cid, id);
  if (!p) throw notFound('project');
  return presentProject(p, await repo.detailsOf(ctx.db, cid, [id]));
}

export async function listProjects(ctx: AppContext, actor: Actor, q: { communityId?: number | undefined; status?: ProjectStatus | undefined }) {
  authorize(actor, 'projects.read');
  const cid = resolveCommunityId(actor, q.communityId);
  const rows = await repo.projectRows(ctx.db, cid, q.status);
  const d = await repo.detailsOf(
    ctx.db,
    cid,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentProject(r, d)) };
}

export async function getProject(ctx: AppContext, actor: Actor, id: number, communityId?: number) {
  authorize(actor, 'projects.read');
  return present(ctx, resolveCommunityId(actor, communityId), id);
}

/** Proposes a project (by residents, a meeting or staff) with its funding rows. */
export async function createProject(ctx: AppContext, actor: Actor, input: CreateProjectInput) {
  authorize(actor, 'projects.write');
  const cid = resolveCommunityId(actor, input.communityId);
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart) throw invalidField('plannedEnd', 'not_after_start');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertProject(trx, {
      community_id: cid,
      title: input.title,
      content: input.content,
      source_kind: input.sourceKind,
      source_id: input.sourceId ?? null,
      planned_start: input.plannedStart ?? null,
      planned_end: input.plannedEnd ?? null,
      created_by: actor.accountId,
    });
    await repo.insertFunding(
      trx,
      input.funding.map((f) => ({ community_id: cid, project_id: id, source: f.source, amount_fen: Math.round(f.amountYuan * 100) })),
    );
    await recordStep(trx, { cid, projectId: id, action: 'proposed', to: 'proposed', actor });
    return id;
  });
  return present(ctx, cid, id);
}

/** Moves a project along its machine (approve, reject, start, complete); a move not allowed now is INVALID_STATE. */
export async function moveProject(
  ctx: AppContext,
  actor: Actor,
  id: number,
  move: Exclude<ProjectMove, 'claim' | 'evaluate'>,
  note?: string | null,
  communityId?: number,
) {
  authorize(actor, 'projects.write');
  const cid = resolveCommunityId(actor, communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.projectForUpdate(trx, cid, id);
    if (!p) throw notFound('project');
    const to = nextProjectStatus(p.status, move);
    if (!to) throw new AppError('INVALID_STATE', `project is ${p.status}`);
    await repo.updateProject(trx, cid, id, { status: to, ...(to === 'completed' ? { completed_at: new Date(), percent: 100 } : {}) });
    await recordStep(trx, { cid, projectId: id, action: move, from: p.status, to, actor, note: note ?? null });
  });
  return present(ctx, cid, id);
}

/** A unit claims an approved project (as lead, 主办) or joins a claimed one (as co-organiser, 协办), maybe at a claiming event. */
export async function claimProject(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof claimProjectSchema>, communityId?: number) {
  authorize(actor, 'projects.claim');
  const cid = resolveCommunityId(actor, communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.projectForUpdate(trx, cid, id);
    if (!p) throw notFound('project');
    const to = input.role === 'lead' ? nextProjectStatus(p.status, 'claim') : isProgressing(p.status) ? p.status : null;
    if (!to) throw new AppError('PROJECT_NOT_CLAIMABLE', `project is ${p.status}`);
    await repo
      .insertClaim(trx, {
        community_id: cid,
        project_id: id,
        unit_kind: input.unitKind,
        unit_id: input.unitId ?? null,
        unit_name: input.unitName,
        role: input.role,
        claimed_by: actor.accountId,
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw new AppError('PROJECT_NOT_CLAIMABLE', 'lead taken');
        throw err;
      });
    await repo.updateProject(trx, cid, id, { status: to, ...(input.claimEvent ? { claim_event: input.claimEvent } : {}) });
    await recordStep(trx, { cid, projectId: id, action: 'claimed', from: p.status, to, actor, changes: { unit: input.unitName, role: input.role } });
  });
  return present(ctx, cid, id);
}

/** Records progress: a whole percent from 0 to 100 (else PROJECT_PERCENT_OUT_OF_RANGE naming `percent`). */
export async function setProgress(ctx: AppContext, actor: Actor, id: number, percent: number, note?: string | null, communityId?: number) {
  authorize(actor, 'projects.write');
  const cid = resolveCommunityId(actor, communityId);
  if (!isValidPercent(percent)) {
    throw new AppError('PROJECT_PERCENT_OUT_OF_RANGE', `percent ${percent}`, { fields: [{ field: 'percent', rule: 'percent_out_of_range' }] });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.projectForUpdate(trx, cid, id);
    if (!p) throw notFound('project');
    if (!isProgressing(p.status)) throw new AppError('INVALID_STATE', `project is ${p.status}`);
    const to = p.status === 'claimed' ? 'in_progress' : p.status;
    await repo.updateProject(trx, cid, id, { percent, status: to });
    await recordStep(trx, { cid, projectId: id, action: 'progress', from: p.status, to, actor, note: note ?? null, changes: { percent } });
  });
  return present(ctx, cid, id);
}

export async function addMilestone(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { title: string; dueOn?: string | null | undefined },
  communityId?: number,
) {
  authorize(actor, 'projects.write');
  const cid = resolveCommunityId(actor, communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.projectForUpdate(trx, cid, id);
    if (!p) throw notFound('project');
    await repo.insertMilestone(trx, { community_id: cid, project_id: id, title: input.title, due_on: input.dueOn ?? null });
    await recordStep(trx, { cid, projectId: id, action: 'milestone_added', actor, note: input.title });
  });
  return present(ctx, cid, id);
}

export async function completeMilestone(ctx: AppContext, actor: Actor, id: number, milestoneId: number, communityId?: number) {
  authorize(actor, 'projects.write');
  const cid = resolveCommunityId(actor, communityId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.projectForUpdate(trx, cid, id))) throw notFound('project');
    if (!(await repo.markMilestoneDone(trx, cid, id, milestoneId))) throw notFound('milestone');
    await recordStep(trx, { cid, projectId: id, action: 'milestone_done', actor, changes: { milestoneId } });
  });
  return present(ctx, cid, id);
}

async function communityOfCode(ctx: AppContext, code: string) {
  const c = await placeRefs.communityByCode(ctx.db, code);
  if (!c) throw notFound('community');
  // The public pages are per community, named by its code.
  return { cid: trustedCommunityId(c.id), name: c.name };
}

/** The residents' list (/h5/projects?c=): projects past approval with progress, lead unit and milestones. */
export async function publicProjects(ctx: AppContext, code: string) {
  const { cid, name } = await communityOfCode(ctx, code);
  const rows = (await repo.projectRows(ctx.db, cid)).filter((p) => p.status !== 'proposed' && p.status !== 'rejected');
  const d = await repo.detailsOf(
    ctx.db,
    cid,
    rows.map((r) => r.id),
  );
  return {
    communityName: name,
    items: rows.map((p) => {
      const full = presentProject(p, d);
      return {
        id: p.id,
        title: p.title,
        content: p.content,
        status: p.status,
        percent: p.percent,
        plannedEnd: p.planned_end,
        leadUnit: full.claims.find((c) => c.role === 'lead')?.unitName ?? null,
        milestones: full.milestones.map((m) => ({ title: m.title, done: m.doneAt !== null })),
        rating: full.rating,
      };
    }),
  };
}

/** A resident rates a completed project, once per phone (its hash is kept, never the number). */
export async function rateProject(
  ctx: AppContext,
  id: number,
  input: { communityCode: string; rating: number; comment?: string | null | undefined; phone: string },
) {
  const { cid } = await communityOfCode(ctx, input.communityCode);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await repo.projectForUpdate(trx, cid, id);
    if (!p) throw notFound('project');
    const to = nextProjectStatus(p.status, 'evaluate');
    if (!to) throw new AppError('INVALID_STATE', `project is ${p.status}`);
    await repo
      .insertRating(trx, {
        community_id: cid,
        project_id: id,
        rating: input.rating,
        comment: input.comment ?? null,
        rater_hash: ctx.pii.hash(`project:${input.phone}`),
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === '23505') throw new AppError('PROJECT_ALREADY_RATED', 'rated already');
        throw err;
      });
    if (to !== p.status) await repo.updateProject(trx, cid, id, { status: to });
    await recordStep(trx, { cid, projectId: id, action: 'rated', from: p.status, to, actor: null, changes: { rating: input.rating } });
  });
  return publicProjects(ctx, input.communityCode).then((l) => l.items.find((i) => i.id === id)!);
}
