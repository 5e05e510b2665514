import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// Meetings (议事会议, issue 11 point 1, ADR 0045): a meeting of a kind (喝茶议事, 民情恳谈会 …), planned → held →
// minuted, or cancelled; a season's rotation over compounds that plans them; the agenda topics (议题) with where
// each came from and what came of it; attendees and the sign-in list; decisions and follow-ups; the timeline.
// Tickets raised at a meeting link to it (tickets.meeting_id); the old free-text meeting titles become meetings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table meeting_rotations (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  kind text not null,
  title text not null,
  compound_ids jsonb not null,
  starts_on date not null,
  interval_days integer not null check (interval_days between 1 and 92),
  start_time text not null,
  duration_minutes integer not null check (duration_minutes between 10 and 720),
  place text,
  host_name text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create index meeting_rotations_community on meeting_rotations (community_id, id);
create table meetings (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  kind text not null,
  title text not null,
  status text not null default 'planned' check (status in ('planned','held','minuted','cancelled')),
  compound_id bigint references compounds(id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text,
  venue_id bigint,
  host_name text,
  host_account_id bigint references accounts(id),
  recorder_name text,
  walk_in_count integer not null default 0 check (walk_in_count >= 0),
  minutes text,
  rotation_id bigint references meeting_rotations(id),
  rotation_seq integer,
  secretary_session_id bigint references secretary_sessions(id),
  cancel_reason text,
  held_at timestamptz,
  minuted_at timestamptz,
  legacy_title text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at)
);
create index meetings_community_starts on meetings (community_id, starts_at, id);
create index meetings_community_compound on meetings (community_id, compound_id, starts_at);
create unique index meetings_rotation_seq on meetings (rotation_id, rotation_seq) where rotation_id is not null;
create table meeting_topics (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  meeting_id bigint not null references meetings(id),
  seq integer not null,
  title text not null,
  detail text,
  source_kind text not null check (source_kind in ('ticket','wish','proposal','new')),
  source_id bigint,
  outcome text check (outcome in ('answered','ticket','vote','deferred')),
  outcome_note text,
  ticket_id bigint references tickets(id),
  decided_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((source_kind = 'new') = (source_id is null)),
  unique (meeting_id, seq)
);
create index meeting_topics_meeting on meeting_topics (meeting_id, seq);
create index meeting_topics_source on meeting_topics (community_id, source_kind, source_id) where source_id is not null;
create table meeting_attendees (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  meeting_id bigint not null references meetings(id),
  kind text not null check (kind in ('resident','account','organisation','partner','guest')),
  resident_id bigint references residents(id),
  account_id bigint references accounts(id),
  organisation_id bigint references organisations(id),
  partner_id bigint references partners(id),
  name text not null,
  role_note text,
  signed_in_at timestamptz,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index meeting_attendees_meeting on meeting_attendees (meeting_id, id);
create unique index meeting_attendees_resident_once on meeting_attendees (meeting_id, resident_id) where resident_id is not null;
create unique index meeting_attendees_account_once on meeting_attendees (meeting_id, account_id) where account_id is not null;
create unique index meeting_attendees_org_once on meeting_attendees (meeting_id, organisation_id) where organisation_id is not null;
create unique index meeting_attendees_partner_once on meeting_attendees (meeting_id, partner_id) where partner_id is not null;
create table meeting_decisions (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  meeting_id bigint not null references meetings(id),
  topic_id bigint references meeting_topics(id),
  text text not null,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index meeting_decisions_meeting on meeting_decisions (meeting_id, id);
create table meeting_follow_ups (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  meeting_id bigint not null references meetings(id),
  topic_id bigint references meeting_topics(id),
  text text not null,
  owner_name text not null,
  owner_account_id bigint references accounts(id),
  due_on date,
  done_at timestamptz,
  done_note text,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create index meeting_follow_ups_meeting on meeting_follow_ups (meeting_id, id);
create index meeting_follow_ups_open on meeting_follow_ups (community_id, due_on) where done_at is null;
create table meeting_events (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  meeting_id bigint not null references meetings(id),
  action text not null,
  from_status text,
  to_status text,
  actor_id bigint references accounts(id),
  actor_label text,
  note text,
  created_at timestamptz not null default now()
);
create index meeting_events_meeting on meeting_events (meeting_id, id);
alter table tickets add column meeting_id bigint references meetings(id);
create index tickets_meeting on tickets (meeting_id) where meeting_id is not null;
insert into meetings (community_id, kind, title, status, starts_at, ends_at, legacy_title, held_at, minuted_at)
  select community_id, 'other', meeting_title, 'minuted', min(created_at), min(created_at) + interval '1 hour', meeting_title, min(created_at), min(created_at)
  from tickets where meeting_title is not null and btrim(meeting_title) <> ''
  group by community_id, meeting_title;
update tickets t set meeting_id = m.id from meetings m
  where m.legacy_title is not null and m.community_id = t.community_id and m.legacy_title = t.meeting_title`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop index tickets_meeting;
alter table tickets drop column meeting_id;
drop table meeting_events;
drop table meeting_follow_ups;
drop table meeting_decisions;
drop table meeting_attendees;
drop table meeting_topics;
drop table meetings;
drop table meeting_rotations`,
  );
}
