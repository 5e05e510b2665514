import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Where a ticket is, when the reporter's client knows it (Open311 lat/long, WGS 84 degrees; ADR 0033). Both or neither.
// The public timeline of a community by date, as Open311's servicerequestupdates reads it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `alter table tickets add column latitude double precision, add column longitude double precision;
alter table tickets add constraint tickets_location_valid check (
  (latitude is null and longitude is null)
  or (latitude between -90 and 90 and longitude between -180 and 180)
);
create index ticket_events_public_recent on ticket_events (community_id, created_at) where is_public`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop index ticket_events_public_recent;
alter table tickets drop constraint tickets_location_valid, drop column latitude, drop column longitude`,
  );
}
