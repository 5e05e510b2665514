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
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { BadSpreadsheetError, buildRosterTemplate, parseRosterRow, readRoster, type RosterRow } from './roster.js';
import { sealResidentFields } from './residents.service.js';

const BATCH = 500;
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
  return buildRosterTemplate({ compound: compound?.name ?? '金海花园', building: building?.name ?? '1号楼' });
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
  const index = await repo.loadPlaceIndex(ctx.db, cid);
  const compoundByName = new Map(index.compounds.map((c) => [c.name, c.id]));
  const buildingByKey = new Map(index.buildings.map((b) => [`${b.compound_id}|${b.name}`, b.id]));
  const errors: ImportRowError[] = [];
  const valid: RosterRow[] = [];
  const firstRowOfId = new Map<string, number>();
  for (const { row, cells } of raw) {
    const parsed = parseRosterRow(row, cells);
    const rowErrors = [...parsed.errors];
    const v = parsed.value;
    if (v) {
      const compoundId = compoundByName.get(v.compound);
      if (compoundId === undefined) rowErrors.push({ row, field: 'compound', rule: 'unknown_compound', params: { value: v.compound } });
      else if (!buildingByKey.has(`${compoundId}|${v.building}`))
        rowErrors.push({ row, field: 'building', rule: 'unknown_building', params: { value: v.building } });
      if (v.idCard) {
        const first = firstRowOfId.get(v.idCard);
        if (first !== undefined) rowErrors.push({ row, field: 'idCard', rule: 'duplicate_in_file', params: { row: first } });
        else firstRowOfId.set(v.idCard, row);
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (v) valid.push(v);
  }
  // ID numbers already registered in the community.
  const hashes = new Map(valid.filter((v) => v.idCard).map((v) => [ctx.pii.hash(v.idCard!), v]));
  const taken = new Set((await repo.existingIdCardHashes(ctx.db, cid, [...hashes.keys()])).map((r) => r.id_card_hash));
  const good = valid.filter((v) => {
    if (v.idCard && taken.has(ctx.pii.hash(v.idCard))) {
      errors.push({ row: v.row, field: 'idCard', rule: 'duplicate_existing' });
      return false;
    }
    return true;
  });
  errors.sort((a, b) => a.row - b.row);
  const errorRows = new Set(errors.map((e) => e.row)).size;
  const job = await ctx.db.transaction().execute(async (trx) => {
    const row = await jobs.insertImportJob(trx, {
      community_id: cid,
      actor_id: actor.accountId,
      kind: 'roster',
      file_name: input.fileName.slice(0, 200),
      status: 'ready',
      total_rows: raw.length,
      valid_rows: good.length,
      error_rows: errorRows,
      errors: JSON.stringify(errors.slice(0, 5000)),
      // The rows hold phones and ID numbers: stored sealed until committed or discarded.
      payload: JSON.stringify({ sealed: ctx.pii.encrypt(JSON.stringify(good)) }),
    });
    await writeAudit(trx, actor, {
      communityId: cid,
      action: 'import.uploaded',
      entityType: 'import',
      entityId: row.id,
      changes: { fileName: input.fileName, total: raw.length, valid: good.length, errorRows },
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
    const rows = JSON.parse(ctx.pii.decrypt((row.payload as { sealed: string }).sealed)) as RosterRow[];
    // The audit rows name the account that committed the import; there is no request behind a job.
    await runImport(ctx, { accountId: row.actor_id, requestId: null }, row.community_id, row.id, rows, (n) => job.progress(n, rows.length));
  },
  async fail(ctx, job) {
    await jobs.updateImportJob(ctx.db, job.subjectId, { status: 'failed', finished_at: new Date() });
  },
};

/**
 * One transaction for the whole import: either every good row is in, or none is (a failure leaves the job 'failed'
 * and no resident from it). Units and rooms missing from the places tree are created on the way.
 */
async function runImport(ctx: AppContext, actor: AuditActor, communityId: number, importId: number, rows: RosterRow[], progress: (processed: number) => void) {
  // The community comes from the job row, checked against the actor when the import was committed.
  const cid = trustedCommunityId(communityId);
  await ctx.db.transaction().execute(async (trx) => {
    const index = await repo.loadPlaceIndex(trx, cid);
    const compoundByName = new Map(index.compounds.map((c) => [c.name, c.id]));
    const buildingByKey = new Map(index.buildings.map((b) => [`${b.compound_id}|${b.name}`, b.id]));
    const unitByKey = new Map(index.units.map((u) => [`${u.building_id}|${u.name}`, u.id]));
    const householdByKey = new Map(index.households.map((h) => [`${h.unit_id}|${h.room_no}`, h.id]));
    const audits: AuditEntry[] = [];
    for (let start = 0; start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      const values: repo.ResidentInsert[] = [];
      for (const r of batch) {
        const buildingId = buildingByKey.get(`${compoundByName.get(r.compound)}|${r.building}`);
        if (buildingId === undefined) throw new Error(`building vanished: ${r.compound} ${r.building}`);
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
        values.push({
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
          ...sealResidentFields(ctx, { phone: r.phone, idCard: r.idCard, sensitiveTags: r.sensitiveTags }),
          hukou_local: r.hukouLocal,
          tags: r.tags,
          relation: r.relation,
          notes: r.notes,
          archived_at: null,
        });
      }
      const inserted = await repo.insertResidents(trx, values);
      for (const [i, ins] of inserted.entries()) {
        audits.push({
          communityId,
          action: 'resident.imported',
          entityType: 'resident',
          entityId: ins.id,
          changes: { importId, row: batch[i]!.row, name: batch[i]!.name },
        });
      }
      await writeAudit(trx, actor, ...audits.splice(0));
      progress(Math.min(rows.length, start + batch.length));
    }
    await jobs.updateImportJob(trx, importId, {
      status: 'done',
      processed_rows: rows.length,
      imported_rows: rows.length,
      payload: null,
      finished_at: new Date(),
    });
    await writeAudit(trx, actor, { communityId, action: 'import.committed', entityType: 'import', entityId: importId, changes: { imported: rows.length } });
    await publish(trx, 'residents.imported', { communityId, importId, count: rows.length });
  });
}
