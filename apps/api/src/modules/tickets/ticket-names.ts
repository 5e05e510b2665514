import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { placeRefs } from '../places/index.js';
import { peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Names a ticket shows that other modules own (compound, building, assignee, escalation partner, event actors), asked of
 * their index.ts, one query per kind for a whole page of rows (ADR 0016). Tickets' own SQL names only tickets' tables.
 */
export interface NameRefs {
  compound_id?: number | null;
  building_id?: number | null;
  assignee_kind?: string | null;
  assignee_id?: number | null;
  escalated_to_partner_id?: number | null;
}
export interface Names {
  compound_name: string | null;
  building_name: string | null;
  assignee_name: string | null;
  escalated_to_name: string | null;
}

const ids = (xs: Array<number | null | undefined>) => [...new Set(xs.filter((x): x is number => typeof x === 'number'))];
const mapOf = (rows: Array<{ id: number; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));

export async function withNames<T extends NameRefs>(db: Db, rows: T[]): Promise<Array<T & Names>> {
  if (rows.length === 0) return [];
  const of = (kind: string) => ids(rows.map((r) => (r.assignee_kind === kind ? r.assignee_id : null)));
  const compoundIds = ids(rows.map((r) => r.compound_id));
  const buildingIds = ids(rows.map((r) => r.building_id));
  const accountIds = of('account');
  const teamIds = of('team');
  const partnerIds = ids([...of('partner'), ...rows.map((r) => r.escalated_to_partner_id)]);
  // Only the kinds a page names are asked for: one ticket at the desk costs one or two reads, not five.
  const [compounds, buildings, accounts, teams, partners] = await Promise.all([
    compoundIds.length ? placeRefs.compoundNames(db, compoundIds).then(mapOf) : new Map<number, string>(),
    buildingIds.length ? placeRefs.buildingNames(db, buildingIds).then(mapOf) : new Map<number, string>(),
    peopleRefs.accountNames(db, accountIds),
    teamIds.length ? peopleRefs.teamNames(db, teamIds).then(mapOf) : new Map<number, string>(),
    partnerIds.length ? partnerRefs.partnerNames(db, partnerIds).then(mapOf) : new Map<number, string>(),
  ]);
  const assignee = (r: T) =>
    r.assignee_id == null
      ? null
      : (({ account: accounts, team: teams, partner: partners } as Record<string, Map<number, string>>)[r.assignee_kind ?? '']?.get(r.assignee_id) ?? null);
  return rows.map((r) => ({
    ...r,
    compound_name: r.compound_id != null ? (compounds.get(r.compound_id) ?? null) : null,
    building_name: r.building_id != null ? (buildings.get(r.building_id) ?? null) : null,
    assignee_name: assignee(r),
    escalated_to_name: r.escalated_to_partner_id != null ? (partners.get(r.escalated_to_partner_id) ?? null) : null,
  }));
}

/** Display names of event actors (accounts), by id. */
export async function actorNames(db: Db, actorIds: Array<number | null>) {
  const list = ids(actorIds);
  return peopleRefs.accountNames(db, list);
}
