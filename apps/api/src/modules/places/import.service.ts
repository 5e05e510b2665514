import { iso } from '../../platform/time.js';
import type { ImportJob, ImportRowError } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import * as jobs from './import.repository.js';
import { authorize, resolveCommunityId, scopeIds, type Actor } from '../../platform/access/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { writeAudit, type AuditActor, type AuditEntry } from '../../platform/audit/audit.js';
import { enqueueJob, findJobOf, type BackgroundJobKind } from '../../platform/jobs/background.js';
import { publish } from '../../platform/outbox/outbox.js';
import * as repo from './places.repository.js';
import type { RosterRow } from './roster.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { BadSpreadsheetError, buildRosterTemplate, readRoster } from './roster.js';
import { buildErrorWorkbook } from './roster-errors.js';
import { planRoster, type RawRow } from './import.plan.js';
import { loadTagDictionary } from './tags.service.js';
import { sealResidentFields } from './residents.service.js';

const BATCH = 500;
/** The errors kept with a job (every row in error is still in the error workbook). */
const MAX_ERRORS = 20_000;
/** The background job kind that commits a roster (ADR 0021). */
export const ROSTER_IMPORT = 'places.roster-import';

/** `live` is the job row's progress while the import runs: written by whichever process runs it, read by any. */
function present(row: Awaited<ReturnType<typeof loadJob>>, live?: { progress: number }): ImportJob {
  return {
    id: row.id,
    communityId: row.community_id,
    fileName: row.file_name,
    status: row.status as ImportJob['status'],
    totalRows: row.total_rows,
    validRows: row.valid_rows,
    errorRows: row.error_rows,
    processedRows: live && row.status === 'importing' ? live.progress : row.processed_rows,
    importedRows: row.imported_rows,
    createdRows: row.created_rows,
    updatedRows: row.updated_rows,
    unchangedRows: row.unchanged_rows,
    failureReason: row.failure_reason,
    errors: row.errors as ImportRowError[],
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
  };
}

async function loadJob(ctx: AppContext, actor: Actor, id: number) {
  const scope = scopeIds(actor);
  const row = await jobs.findRosterJob(ctx.db, scope, id);
  if (!row) throw notFound('import');
  return row;
}

export async function rosterTemplate(ctx: AppContext, actor: Actor, communityId?: number): Promise<Buffer> {
  authorize(actor, 'residents.import');
  const cid = resolveCommunityId(actor, communityId);
  const index = await repo.loadPlaceIndex(ctx.db, cid);
  const compound = index.compounds[0];
  const building = compound ? index.buildings.find((b) => b.compound_id === compound.id) : undefined;
  const tags = await loadTagDictionary(ctx.db, cid);
  return buildRosterTemplate(
    { compound: compound?.name ?? '金海花园', building: building?.name ?? '1号楼' },
    tags.items.map((t) => t.labelZh),
  );
}

/** Reads and checks every row of an uploaded roster; stores the good rows (encrypted) for a later commit. */
export async function uploadRoster(ctx: AppContext, actor: Actor, input: { communityId?: number; fileName: string; data: Buffer }): Promise<ImportJob> {
  authorize(actor, 'residents.import');
  const cid = resolveCommunityId(actor, input.communityId);
  let raw: Awaited<ReturnType<typeof readRoster>>;
  try {
    raw = await readRoster(input.data);
  } catch (err) {
    if (err instanceof BadSpreadsheetError) throw new AppError('BAD_SPREADSHEET', err.message, { reason: err.message });
    throw err;
  }
  const plan = await planRoster(ctx, ctx.db, cid, raw);
  const { errors, counts } = plan;
  const errorRows = counts.errorRows;
  const goodRows = plan.actions.length;
  const errorRowNumbers = new Set(errors.map((e) => e.row));
  const job = await ctx.db.transaction().execute(async (trx) => {
    const row = await jobs.insertImportJob(trx, {
      community_id: cid,
      actor_id: actor.accountId,
      kind: 'roster',
      file_name: input.fileName.slice(0, 200),
      status: 'ready',
      total_rows: raw.length,
      valid_rows: goodRows,
      error_rows: errorRows,
      created_rows: counts.created,
      updated_rows: counts.updated,
      unchanged_rows: counts.unchanged,
      errors: JSON.stringify(errors.slice(0, MAX_ERRORS)),
      // The rows hold phones and ID numbers: stored sealed. The commit checks them again with the same rules; the rows
      // in error stay (sealed) for the error workbook until the import is discarded.
      payload: JSON.stringify({
        sealed: ctx.pii.encrypt(JSON.stringify(raw)),
        errorRows: ctx.pii.encrypt(JSON.stringify(raw.filter((r) => errorRowNumbers.has(r.row)))),
      }),
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'import.uploaded',
      entityType: 'import',
      entityId: row.id,
      changes: { fileName: input.fileName, total: raw.length, valid: goodRows, ...counts },
    });
    return row;
  });
  return getImport(ctx, actor, job.id);
}

export async function getImport(ctx: AppContext, actor: Actor, id: number): Promise<ImportJob> {
  authorize(actor, 'residents.import');
  const row = await loadJob(ctx, actor, id);
  return present(row, row.status === 'importing' ? await findJobOf(ctx.db, ROSTER_IMPORT, id) : undefined);
}

export async function discardImport(ctx: AppContext, actor: Actor, id: number): Promise<ImportJob> {
  authorize(actor, 'residents.import');
  const job = await loadJob(ctx, actor, id);
  if (job.status !== 'ready') throw new AppError('INVALID_STATE', `import is ${job.status}`);
  await ctx.db.transaction().execute(async (trx) => {
    await jobs.updateImportJob(trx, id, { status: 'discarded', payload: null, finished_at: new Date() });
    await writeAudit(trx, actor, { communityId: job.community_id, action: 'import.discarded', entityType: 'import', entityId: id });
  });
  return getImport(ctx, actor, id);
}

/**
 * Queues the import of the good rows as a background job and answers at once; any API process may run it, and
 * getImport shows its progress from any process.
 */
export async function commitImport(ctx: AppContext, actor: Actor, id: number): Promise<ImportJob> {
  authorize(actor, 'residents.import');
  const job = await loadJob(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await jobs.claimImportJob(trx, id);
    if (!claimed) throw new AppError('INVALID_STATE', `import is ${job.status}`);
    await enqueueJob(trx, { kind: ROSTER_IMPORT, subjectId: id, communityId: job.community_id, actorId: actor.accountId, total: job.valid_rows });
  });
  return getImport(ctx, actor, id);
}

/**
 * Runs a queued roster import. Safe to run again: the import is one transaction, so a process that died mid-way left
 * nothing, and an import already done or discarded is left alone.
 */
export const rosterImportJob: BackgroundJobKind = {
  kind: ROSTER_IMPORT,
  async run(ctx, job) {
    const row = await jobs.findImportJobById(ctx.db, job.subjectId);
    if (!row || row.status !== 'importing') return;
    const payload = row.payload as { sealed: string; errorRows?: string };
    const raw = JSON.parse(ctx.pii.decrypt(payload.sealed)) as RawRow[];
    // The audit rows name the account that committed the import; there is no request behind a job.
    const outcome = await runImport(ctx, { accountId: row.actor_id, requestId: null }, row, raw, (n) => job.progress(n, row.valid_rows)).catch(
      (err: unknown) => {
        // Another import or a person registered the same ID number meanwhile: nothing was written; upload again.
        if ((err as { code?: string }).code === '23505') return 'conflict' as const;
        throw err;
      },
    );
    if (outcome !== 'done')
      await jobs.updateImportJob(ctx.db, row.id, {
        status: 'failed',
        failure_reason: outcome,
        payload: JSON.stringify({ errorRows: payload.errorRows }),
        finished_at: new Date(),
      });
  },
  async fail(ctx, job) {
    await jobs.updateImportJob(ctx.db, job.subjectId, { status: 'failed', failure_reason: 'internal', finished_at: new Date() });
  },
};

/** The rows in error as a workbook to fix and upload again: the roster columns as written, then the errors in both languages. */
export async function importErrorWorkbook(ctx: AppContext, actor: Actor, id: number): Promise<Buffer> {
  authorize(actor, 'residents.import');
  const job = await loadJob(ctx, actor, id);
  const sealed = (job.payload as { errorRows?: string } | null)?.errorRows;
  if (!sealed) throw notFound('import');
  return buildErrorWorkbook(JSON.parse(ctx.pii.decrypt(sealed)) as RawRow[], job.errors as ImportRowError[]);
}

type JobRow = NonNullable<Awaited<ReturnType<typeof jobs.findImportJobById>>>;

/**
 * One transaction for the whole import: either every good row is in, or none is. The plan is made again inside the
 * transaction with the rules of the preview; when its rows in error are not those the preview showed (a place was
 * renamed meanwhile), nothing is written and the job says why. Units and rooms missing from the places tree are
 * created on the way; residents already registered are updated, never created twice.
 */
async function runImport(ctx: AppContext, actor: AuditActor, job: JobRow, raw: RawRow[], progress: (processed: number) => void) {
  // The community comes from the job row, checked against the actor when the import was committed.
  const cid = trustedCommunityId(job.community_id);
  const communityId = job.community_id;
  const importId = job.id;
  return ctx.db.transaction().execute(async (trx) => {
    await jobs.lockCommunityRoster(trx, communityId);
    const plan = await planRoster(ctx, trx, cid, raw);
    const before = JSON.stringify((job.errors as ImportRowError[]).map((e) => [e.row, e.field, e.rule]));
    if (JSON.stringify(plan.errors.slice(0, MAX_ERRORS).map((e) => [e.row, e.field, e.rule])) !== before) return 'place_changed' as const;
    const index = plan.index;
    const compoundByName = new Map(index.compounds.map((c) => [c.name, c.id]));
    const buildingByKey = new Map(index.buildings.map((b) => [`${b.compound_id}|${b.name}`, b.id]));
    const unitByKey = new Map(index.units.map((u) => [`${u.building_id}|${u.name}`, u.id]));
    const householdByKey = new Map(index.households.map((h) => [`${h.unit_id}|${h.room_no}`, h.id]));
    const typeOf = new Map(index.households.map((h) => [h.id, h.household_type]));
    const audits: AuditEntry[] = [];
    const householdOf = async (r: RosterRow) => {
      const buildingId = buildingByKey.get(`${compoundByName.get(r.compound)}|${r.building}`)!;
      let unitId = unitByKey.get(`${buildingId}|${r.unit}`);
      if (unitId === undefined) {
        unitId = (await repo.insertUnit(trx, cid, { building_id: buildingId, name: r.unit })).id;
        unitByKey.set(`${buildingId}|${r.unit}`, unitId);
        audits.push({ communityId, action: 'unit.created', entityType: 'unit', entityId: unitId, changes: { importId, name: r.unit } });
      }
      let householdId = householdByKey.get(`${unitId}|${r.room}`);
      if (householdId === undefined) {
        householdId = (await repo.insertHousehold(trx, cid, { unit_id: unitId, room_no: r.room })).id;
        householdByKey.set(`${unitId}|${r.room}`, householdId);
        audits.push({ communityId, action: 'household.created', entityType: 'household', entityId: householdId, changes: { importId, roomNo: r.room } });
      }
      if (r.householdType && typeOf.get(householdId) !== r.householdType) {
        await jobs.setHouseholdType(trx, cid, householdId, r.householdType);
        audits.push({
          communityId,
          action: 'household.updated',
          entityType: 'household',
          entityId: householdId,
          changes: { importId, householdType: r.householdType },
        });
        typeOf.set(householdId, r.householdType);
      }
      return householdId;
    };
    const { actions } = plan;
    for (let start = 0; start < actions.length; start += BATCH) {
      const batch = actions.slice(start, start + BATCH);
      const creates: Array<{ row: RosterRow; values: repo.ResidentInsert }> = [];
      for (const a of batch) {
        const r = a.row;
        const householdId = await householdOf(r);
        if (a.kind === 'create') {
          creates.push({
            row: r,
            values: {
              community_id: communityId,
              household_id: householdId,
              name: r.name,
              gender: r.gender,
              birth_date: r.birthDate,
              phone_enc: null,
              phone_masked: null,
              phone_hash: null,
              id_card_enc: null,
              id_card_masked: null,
              id_card_hash: null,
              sensitive_enc: null,
              ...sealResidentFields(ctx, { phone: r.phone, idCard: r.idCard, sensitiveTags: r.sensitiveTags ?? [] }),
              hukou_local: r.hukouLocal ?? true,
              tags: r.tags ?? [],
              relation: r.relation,
              notes: r.notes,
              archived_at: null,
            },
          });
        } else if (a.kind === 'update') {
          await repo.updateResident(trx, cid, a.resident.id, {
            name: r.name,
            household_id: householdId,
            ...(r.gender ? { gender: r.gender } : {}),
            ...(r.birthDate ? { birth_date: r.birthDate } : {}),
            ...(r.hukouLocal !== null ? { hukou_local: r.hukouLocal } : {}),
            ...(r.relation ? { relation: r.relation } : {}),
            ...(r.notes ? { notes: r.notes } : {}),
            ...(r.tags ? { tags: r.tags } : {}),
            ...sealResidentFields(ctx, { phone: r.phone ?? undefined, idCard: r.idCard ?? undefined, sensitiveTags: r.sensitiveTags ?? undefined }),
          });
          audits.push({
            communityId,
            action: 'resident.updated',
            entityType: 'resident',
            entityId: a.resident.id,
            changes: { importId, row: r.row, ...a.changes },
          });
        }
      }
      const inserted = creates.length
        ? await repo.insertResidents(
            trx,
            creates.map((c) => c.values),
          )
        : [];
      for (const [i, ins] of inserted.entries()) {
        const r = creates[i]!.row;
        audits.push({ communityId, action: 'resident.imported', entityType: 'resident', entityId: ins.id, changes: { importId, row: r.row, name: r.name } });
      }
      await writeAudit(trx, actor, ...audits.splice(0));
      progress(Math.min(actions.length, start + batch.length));
    }
    const { created, updated, unchanged } = plan.counts;
    await jobs.updateImportJob(trx, importId, {
      status: 'done',
      processed_rows: actions.length,
      imported_rows: created + updated,
      created_rows: created,
      updated_rows: updated,
      unchanged_rows: unchanged,
      payload: JSON.stringify({ errorRows: (job.payload as { errorRows?: string }).errorRows }),
      finished_at: new Date(),
    });
    await writeAudit(trx, actor, {
      communityId,
      action: 'import.committed',
      entityType: 'import',
      entityId: importId,
      changes: { created, updated, unchanged },
    });
    await publish(trx, 'residents.imported', { communityId, importId, count: created + updated });
    return 'done' as const;
  });
}
