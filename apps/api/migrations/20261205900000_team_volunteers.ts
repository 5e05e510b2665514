import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Non-residents in teams (issue 10, ADR 0041): a team member is a resident or a registered volunteer (a student, a
// cadre, a partner's staff) who has no address here — exactly one of the two. Widening only: existing rows keep
// their resident; the resident column becomes nullable.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table team_members add column volunteer_id bigint references volunteers(id);
alter table team_members alter column resident_id drop not null;
alter table team_members add constraint team_members_one_person check ((resident_id is null) <> (volunteer_id is null));
create unique index team_members_active_volunteer on team_members (team_id, volunteer_id) where left_at is null and volunteer_id is not null`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `delete from team_members where volunteer_id is not null;
drop index team_members_active_volunteer;
alter table team_members drop constraint team_members_one_person;
alter table team_members alter column resident_id set not null;
alter table team_members drop column volunteer_id`,
  );
}
