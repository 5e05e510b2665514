import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// 书记面对面 (issue 7 item 5, ADR 0029): a dated session of the community secretary with the branch secretaries of
// functional departments; the departments that came; the items brought to it (an escalation, or a matter raised on
// the day), each with the department's answer and commitment; and every follow-up of a commitment. Owned by the
// escalations module. A commitment's follow_status is null until one is made; "overdue" is computed (open and past
// promised_on), never stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table secretary_sessions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  title text not null,
  held_on date not null,
  starts_at text,
  place text not null,
  host_name text not null,
  other_attendees text,
  notes text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index secretary_sessions_community on secretary_sessions (community_id, held_on desc);
create table secretary_session_attendees (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  session_id bigint not null references secretary_sessions(id),
  organisation_id bigint not null references organisations(id),
  attendee_name text not null,
  attendee_title text,
  created_at timestamptz not null default now()
);
create unique index secretary_session_attendees_once on secretary_session_attendees (session_id, organisation_id);
create index secretary_session_attendees_organisation on secretary_session_attendees (organisation_id);
create table secretary_session_items (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  session_id bigint not null references secretary_sessions(id),
  organisation_id bigint not null references organisations(id),
  escalation_id bigint references escalations(id),
  ticket_id bigint references tickets(id),
  ticket_code text,
  subject text not null,
  detail text,
  answer text,
  answered_at timestamptz,
  answered_by bigint references accounts(id),
  answered_on_behalf boolean not null default false,
  commitment text,
  promised_on date,
  follow_status text check (follow_status in ('open', 'kept', 'broken')),
  follow_changed_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  check ((commitment is null) = (promised_on is null)),
  check ((commitment is null) = (follow_status is null))
);
create unique index secretary_session_items_escalation_once on secretary_session_items (session_id, escalation_id) where escalation_id is not null;
create index secretary_session_items_session on secretary_session_items (session_id);
create index secretary_session_items_commitments on secretary_session_items (community_id, follow_status, promised_on);
create index secretary_session_items_organisation on secretary_session_items (organisation_id);
create table secretary_session_follow_ups (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  item_id bigint not null references secretary_session_items(id),
  status text not null check (status in ('open', 'kept', 'broken')),
  note text not null,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index secretary_session_follow_ups_item on secretary_session_follow_ups (item_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table secretary_session_follow_ups;
drop table secretary_session_items;
drop table secretary_session_attendees;
drop table secretary_sessions`,
  );
}
