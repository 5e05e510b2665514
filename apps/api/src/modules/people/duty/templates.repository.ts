import type { CommunityId } from '../../../platform/db/scope.js';
import type { Db } from '../common.repository.js';

/** SQL of the weekly shift templates (值守模板); every function takes the community first. */

export function listTemplates(db: Db, cid: CommunityId, stationId?: number) {
  let q = db.selectFrom('shift_templates').selectAll().where('community_id', '=', cid).where('archived_at', 'is', null);
  if (stationId) q = q.where('station_id', '=', stationId);
  return q.orderBy('station_id').orderBy('weekday').orderBy('starts_at').orderBy('id').execute();
}
export function findTemplate(db: Db, cid: CommunityId, id: number) {
  return db.selectFrom('shift_templates').selectAll().where('community_id', '=', cid).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
}
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof findTemplate>>>;
export interface TemplateValues {
  station_id: number;
  weekday: number;
  starts_at: string;
  ends_at: string;
  headcount: number;
  team_id: number | null;
  account_ids: string;
  note: string | null;
}
export function insertTemplate(db: Db, cid: CommunityId, v: TemplateValues, by: number) {
  return db
    .insertInto('shift_templates')
    .values({ community_id: cid, ...v, created_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
}
export function updateTemplate(db: Db, cid: CommunityId, id: number, v: TemplateValues) {
  return db.updateTable('shift_templates').set(v).where('community_id', '=', cid).where('id', '=', id).execute();
}
export function archiveTemplate(db: Db, cid: CommunityId, id: number, at: Date) {
  return db
    .updateTable('shift_templates')
    .set({ archived_at: at })
    .where('community_id', '=', cid)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}
