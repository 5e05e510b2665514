import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The compound party branch (小区党支部, issue 10 point 5, ADR 0043): an organisation of party members, not an
// escalation body (so not an `organisations` kind). A branch may cover one compound; its members have a role in it
// (secretary, committee member, member), and a member belongs to one branch at a time; leaving keeps the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table party_branches (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  compound_id bigint references compounds(id),
  founded_on date,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now(),
  archived_at timestamptz
);
create unique index party_branches_name on party_branches (community_id, name) where archived_at is null;
create table party_branch_members (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  branch_id bigint not null references party_branches(id),
  party_member_id bigint not null references party_members(id),
  role text not null check (role in ('secretary', 'committee', 'member')),
  joined_on date not null,
  left_on date,
  created_by bigint references accounts(id),
  created_at timestamptz not null default now()
);
create unique index party_branch_members_active on party_branch_members (party_member_id) where left_on is null;
create unique index party_branch_members_secretary on party_branch_members (branch_id) where role = 'secretary' and left_on is null;
create index party_branch_members_branch on party_branch_members (community_id, branch_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table party_branch_members;\ndrop table party_branches');
}
