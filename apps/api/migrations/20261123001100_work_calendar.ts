import type { Kysely } from 'kysely';
import { runStatements } from './20261123000100_foundation.js';

// The national working calendar (放假调休): days off that fall on weekdays and weekend days that are worked. Seeded with
// the State Council General Office notice for 2026 (published 2025-11-04); later years are added by an administrator.
const days2026: Array<[string, boolean, string]> = [
  ...range('2026-01-01', 3).map((d) => [d, false, '元旦'] as [string, boolean, string]),
  ['2026-01-04', true, '元旦调休上班'],
  ['2026-02-14', true, '春节调休上班'],
  ...range('2026-02-15', 9).map((d) => [d, false, '春节'] as [string, boolean, string]),
  ['2026-02-28', true, '春节调休上班'],
  ...range('2026-04-04', 3).map((d) => [d, false, '清明节'] as [string, boolean, string]),
  ...range('2026-05-01', 5).map((d) => [d, false, '劳动节'] as [string, boolean, string]),
  ['2026-05-09', true, '劳动节调休上班'],
  ...range('2026-06-19', 3).map((d) => [d, false, '端午节'] as [string, boolean, string]),
  ['2026-09-20', true, '国庆节调休上班'],
  ...range('2026-09-25', 3).map((d) => [d, false, '中秋节'] as [string, boolean, string]),
  ...range('2026-10-01', 7).map((d) => [d, false, '国庆节'] as [string, boolean, string]),
  ['2026-10-10', true, '国庆节调休上班'],
];

function range(first: string, n: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `create table work_calendar (
  day date primary key,
  is_workday boolean not null,
  name text not null,
  updated_by bigint references accounts(id),
  updated_at timestamptz not null default now()
);
insert into work_calendar (day, is_workday, name) values ${days2026.map(([d, w, n]) => `('${d}', ${w}, '${n}')`).join(', ')}`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, 'drop table work_calendar');
}
