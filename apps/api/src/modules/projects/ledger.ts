import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { beijingDate } from '../../platform/time.js';
import { presentProject } from './projects.presenter.js';
import { dashboardCounts, detailsOf, projectRows } from './projects.repository.js';

type Db = Kysely<DB> | Transaction<DB>;

/** One row of 为民办实事台账: a project past proposal (not rejected), with its funding, units, progress and rating. */
export interface ProjectLedgerRow {
  title: string;
  content: string;
  status: string;
  percent: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  completedAt: string | null;
  funding: Array<{ source: string; amountYuan: number }>;
  leadUnits: string[];
  coUnits: string[];
  claimEvent: string | null;
  milestones: Array<{ title: string; dueOn: string | null; done: boolean }>;
  rating: { count: number; average: number | null };
}

async function ledgerProjects(db: Db, communityId: CommunityId) {
  // A community has tens of projects a year: one page (projectRows caps at 500) is the whole register.
  const rows = (await projectRows(db, communityId)).filter((p) => p.status !== 'rejected').reverse();
  const d = await detailsOf(
    db,
    communityId,
    rows.map((r) => r.id),
  );
  return rows.map((p) => presentProject(p, d));
}

/** The number of projects the register prints. */
export async function countProjects(db: Db, communityId: CommunityId): Promise<number> {
  return (await ledgerProjects(db, communityId)).length;
}

/** The register's rows, oldest project first. */
export async function* ledgerRows(db: Db, communityId: CommunityId): AsyncGenerator<ProjectLedgerRow[]> {
  const rows = (await ledgerProjects(db, communityId)).map((p) => ({
    title: p.title,
    content: p.content,
    status: p.status,
    percent: p.percent,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    completedAt: p.completedAt,
    funding: p.funding.map((f) => ({ source: f.source, amountYuan: f.amountYuan })),
    leadUnits: p.claims.filter((c) => c.role === 'lead').map((c) => c.unitName),
    coUnits: p.claims.filter((c) => c.role === 'co').map((c) => c.unitName),
    claimEvent: p.claimEvent,
    milestones: p.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, done: m.doneAt !== null })),
    rating: p.rating,
  }));
  if (rows.length) yield rows;
}

/** The dashboard's 为民办实事: projects under way now (claimed or in progress) and completed this Beijing year. */
export function yearCounts(db: Db, communityId: CommunityId, now = new Date()) {
  const year = beijingDate(now).slice(0, 4);
  return dashboardCounts(db, communityId, new Date(`${year}-01-01T00:00:00+08:00`), new Date(`${Number(year) + 1}-01-01T00:00:00+08:00`));
}
