import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Issue 13 (docs/decisions/0010-tracking-secrets.md): a ticket's code becomes a public reference (GD000123) that no longer
// equals any tracking code; the reporter's tracking code is kept only as a hash, beside the hash of a second secret (the
// key in the link given at submission) and a count of wrong proofs. Open311's public reading follows a community setting.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create sequence ticket_ref_seq;
update tickets t set code = 'GD' || lpad(s.n::text, 6, '0') from (select id, row_number() over (order by id) as n from tickets) s where s.id = t.id;
select setval('ticket_ref_seq', greatest((select count(*) from tickets), 1), (select count(*) from tickets) > 0);
alter table tickets alter column code set default ('GD' || lpad(nextval('ticket_ref_seq')::text, 6, '0'));
alter table ticket_reporters add column tracking_hash text;
update ticket_reporters set tracking_hash = encode(sha256(convert_to(upper(trim(tracking_code)), 'UTF8')), 'hex');
alter table ticket_reporters alter column tracking_hash set not null;
create unique index ticket_reporters_tracking_hash on ticket_reporters (tracking_hash);
alter table ticket_reporters drop column tracking_code;
alter table ticket_reporters add column key_hash text;
alter table ticket_reporters add column proof_failures int not null default 0;
alter table ticket_reporters add column proof_locked_until timestamptz;
alter table ticket_settings add column open311_public_detail text not null default 'summary' check (open311_public_detail in ('summary', 'full'))`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The plain tracking codes are gone for good: each reporter gets a placeholder that follows nothing.
  await runStatements(
    db,
    `alter table ticket_settings drop column open311_public_detail;
alter table ticket_reporters drop column proof_locked_until;
alter table ticket_reporters drop column proof_failures;
alter table ticket_reporters drop column key_hash;
alter table ticket_reporters add column tracking_code text;
update ticket_reporters set tracking_code = 'LOST' || id;
alter table ticket_reporters alter column tracking_code set not null;
alter table ticket_reporters add constraint ticket_reporters_tracking_code_key unique (tracking_code);
drop index ticket_reporters_tracking_hash;
alter table ticket_reporters drop column tracking_hash;
alter table tickets alter column code drop default;
drop sequence ticket_ref_seq`,
  );
}
