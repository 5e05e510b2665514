import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table webhooks (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  name text not null,
  url text not null,
  format text not null check (format in ('json', 'wecom', 'dingtalk', 'feishu')),
  secret text,
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
create table webhook_deliveries (
  id bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  webhook_id bigint not null references webhooks(id),
  event text not null,
  payload jsonb not null,
  status text not null default 'pending',
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `drop table webhook_deliveries;
drop table webhooks`,
  );
}
