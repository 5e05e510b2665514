import type { ImportRowError } from '@linli/contracts';
import type { AppContext } from '../../platform/context.js';
import type { CommunityId } from '../../platform/db/scope.js';
import * as jobs from './import.repository.js';
import * as repo from './places.repository.js';
import { parseRosterRow, type RosterRow } from './roster.js';
import { loadTagDictionary } from './tags.service.js';

// The plan of a roster import (ADR 0031): every rule of every row, the places it names, and for each good row
// whether it creates a resident, updates one already registered, or changes nothing. The preview stores the plan;
// the commit makes it again inside its transaction with the same function and carries it out.

export type RawRow = { row: number; cells: Record<string, string> };
export type Action =
  | { kind: 'create'; row: RosterRow }
  | { kind: 'update'; row: RosterRow; resident: jobs.MatchableResident; changes: Record<string, unknown> }
  | { kind: 'unchanged'; row: RosterRow; resident: jobs.MatchableResident };

export interface RosterPlan {
  errors: ImportRowError[];
  actions: Action[];
  counts: { created: number; updated: number; unchanged: number; errorRows: number };
  index: Awaited<ReturnType<typeof repo.loadPlaceIndex>>;
}

type Db = AppContext['db'];

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

export async function planRoster(ctx: AppContext, db: Db, cid: CommunityId, raw: RawRow[]): Promise<RosterPlan> {
  const dict = await loadTagDictionary(db, cid);
  const index = await repo.loadPlaceIndex(db, cid);
  const compoundByName = new Map(index.compounds.map((c) => [c.name, c.id]));
  const buildingByKey = new Map(index.buildings.map((b) => [`${b.compound_id}|${b.name}`, b.id]));
  const unitByKey = new Map(index.units.map((u) => [`${u.building_id}|${u.name}`, u.id]));
  const householdByKey = new Map(index.households.map((h) => [`${h.unit_id}|${h.room_no}`, h.id]));
  const existing = await jobs.residentsToMatch(db, cid);
  const byIdHash = new Map(existing.filter((r) => r.id_card_hash).map((r) => [r.id_card_hash!, r]));
  const byPerson = new Map(existing.filter((r) => r.household_id !== null).map((r) => [`${r.name}|${r.birth_date ?? ''}|${r.household_id}`, r]));
  const today = new Date().toISOString().slice(0, 10);

  const errors: ImportRowError[] = [];
  const actions: Action[] = [];
  const firstRowOfId = new Map<string, number>();
  const firstRowOfPerson = new Map<string, number>();
  const rowOfResident = new Map<number, number>();
  for (const { row, cells } of raw) {
    const parsed = parseRosterRow(row, cells, dict, today);
    const rowErrors = [...parsed.errors];
    const v = parsed.value;
    let householdId: number | undefined;
    if (v) {
      const compoundId = compoundByName.get(v.compound);
      const buildingId = compoundId === undefined ? undefined : buildingByKey.get(`${compoundId}|${v.building}`);
      if (compoundId === undefined) rowErrors.push({ row, field: 'compound', rule: 'unknown_compound', value: v.compound, params: { value: v.compound } });
      else if (buildingId === undefined) rowErrors.push({ row, field: 'building', rule: 'unknown_building', value: v.building, params: { value: v.building } });
      const unitId = buildingId === undefined ? undefined : unitByKey.get(`${buildingId}|${v.unit}`);
      householdId = unitId === undefined ? undefined : householdByKey.get(`${unitId}|${v.room}`);
      if (v.idCard) {
        const first = firstRowOfId.get(v.idCard);
        if (first !== undefined) rowErrors.push({ row, field: 'idCard', rule: 'duplicate_in_file', value: '', params: { row: first } });
        else firstRowOfId.set(v.idCard, row);
      } else {
        const key = [v.name, v.birthDate ?? '', v.compound, v.building, v.unit, v.room].join('|');
        const first = firstRowOfPerson.get(key);
        if (first !== undefined) rowErrors.push({ row, field: 'name', rule: 'duplicate_in_file', value: v.name, params: { row: first } });
        else firstRowOfPerson.set(key, row);
      }
    }
    if (rowErrors.length || !v) {
      errors.push(...rowErrors);
      continue;
    }
    // By ID number; else by name + date of birth + household, unless the one registered there has another ID number.
    const idHash = v.idCard ? ctx.pii.hash(v.idCard) : null;
    let match = idHash ? byIdHash.get(idHash) : undefined;
    if (!match && householdId !== undefined) {
      const candidate = byPerson.get(`${v.name}|${v.birthDate ?? ''}|${householdId}`);
      if (candidate && (!candidate.id_card_hash || candidate.id_card_hash === idHash)) match = candidate;
    }
    if (!match) {
      actions.push({ kind: 'create', row: v });
      continue;
    }
    const other = rowOfResident.get(match.id);
    if (other !== undefined) {
      errors.push({ row, field: v.idCard ? 'idCard' : 'name', rule: 'duplicate_in_file', value: v.idCard ? '' : v.name, params: { row: other } });
      continue;
    }
    rowOfResident.set(match.id, row);
    const changes = changesOf(ctx, match, v, householdId, idHash);
    actions.push(Object.keys(changes).length ? { kind: 'update', row: v, resident: match, changes } : { kind: 'unchanged', row: v, resident: match });
  }
  errors.sort((a, b) => a.row - b.row);
  const count = (k: Action['kind']) => actions.filter((a) => a.kind === k).length;
  return {
    errors,
    actions,
    counts: { created: count('create'), updated: count('update'), unchanged: count('unchanged'), errorRows: new Set(errors.map((e) => e.row)).size },
    index,
  };
}

/** What a row changes on a registered resident; a blank optional cell leaves the stored value. Personal fields show as "(changed)". */
function changesOf(ctx: AppContext, r: jobs.MatchableResident, v: RosterRow, householdId: number | undefined, idHash: string | null) {
  const out: Record<string, unknown> = {};
  if (r.name !== v.name) out.name = v.name;
  if (v.gender && r.gender !== v.gender) out.gender = v.gender;
  if (v.birthDate && r.birth_date !== v.birthDate) out.birthDate = v.birthDate;
  if (householdId === undefined || r.household_id !== householdId) out.household = [v.compound, v.building, v.unit, v.room].join(' ');
  if (v.phone && r.phone_hash !== ctx.pii.hash(v.phone)) out.phone = '(changed)';
  if (idHash && r.id_card_hash !== idHash) out.idCard = '(changed)';
  if (v.hukouLocal !== null && r.hukou_local !== v.hukouLocal) out.hukouLocal = v.hukouLocal;
  if (v.relation && r.relation !== v.relation) out.relation = v.relation;
  if (v.notes && r.notes !== v.notes) out.notes = v.notes;
  if (v.tags && !sameList(r.tags, v.tags)) out.tags = v.tags;
  if (v.sensitiveTags) {
    const before = r.sensitive_enc ? (JSON.parse(ctx.pii.decrypt(r.sensitive_enc)) as string[]) : [];
    if (!sameList(before, v.sensitiveTags)) out.sensitiveTags = '(changed)';
  }
  return out;
}
