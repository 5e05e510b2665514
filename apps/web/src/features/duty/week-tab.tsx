import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerExport } from '@linli/contracts';
import { roleCan } from '@linli/contracts/permissions';
import { dutyWeekdayLabels } from '@linli/contracts/duty-labels';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError } from '../../components/forms.js';
import { exportFileUrl, fetchExport, startExport } from '../ledger/api.js';
import { dutyKeys, fetchWeek, generateWeek, type Shift } from './api.js';
import { ShiftDrawer } from './shift-drawer.js';
import { addDays, clockOf, mondayOf, todayInBeijing, weekDays } from './week.js';

interface Row {
  stationId: number;
  stationName: string;
  byDay: Record<string, Shift[]>;
}

/** The week grid: one row per post, one column per day, each shift with its people and how many are missing. */
export function WeekTab() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [monday, setMonday] = useState(() => mondayOf(todayInBeijing()));
  const [open, setOpen] = useState<number | null>(null);
  const days = weekDays(monday);
  const sunday = days[6]!;
  const week = useQuery({ queryKey: dutyKeys.week(communityId, monday), queryFn: () => fetchWeek(communityId, monday, sunday) });
  const generate = useMutation({
    mutationFn: () => generateWeek(communityId, monday, sunday),
    onSuccess: (r) => (message.success(t('duty.generated', r)), void qc.invalidateQueries({ queryKey: dutyKeys.all })),
    onError: (err) => message.error(applyApiError(undefined, err)),
  });
  const shifts = week.data?.items ?? [];
  const rows: Row[] = [];
  for (const s of shifts) {
    let row = rows.find((r) => r.stationId === s.stationId);
    if (!row) rows.push((row = { stationId: s.stationId, stationName: s.stationName, byDay: {} }));
    (row.byDay[s.day] ??= []).push(s);
  }
  rows.sort((a, b) => a.stationName.localeCompare(b.stationName, 'zh-CN'));
  const covered = shifts.filter((s) => s.isCovered).length;
  const today = todayInBeijing();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setMonday(addDays(monday, -7))} data-testid="duty-prev-week">
          {t('duty.prevWeek')}
        </Button>
        <Button onClick={() => setMonday(mondayOf(todayInBeijing()))} data-testid="duty-this-week">
          {t('duty.thisWeek')}
        </Button>
        <Button onClick={() => setMonday(addDays(monday, 7))} data-testid="duty-next-week">
          {t('duty.nextWeek')}
        </Button>
        <Typography.Text strong data-testid="duty-week">
          {t('duty.weekOf', { from: monday, to: sunday })}
        </Typography.Text>
        {roleCan(me.role, 'shifts.write') && (
          <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="duty-generate">
            {t('duty.generate')}
          </Button>
        )}
        <LedgerButton from={monday} to={sunday} />
      </Space>
      {shifts.length > 0 && (
        <Alert
          style={{ marginBottom: 12 }}
          type={covered === shifts.length ? 'success' : 'warning'}
          message={t('duty.coverage', { covered, total: shifts.length })}
          data-testid="duty-coverage"
        />
      )}
      <Table<Row>
        rowKey="stationId"
        size="small"
        bordered
        pagination={false}
        loading={week.isLoading}
        dataSource={rows}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={t('duty.noShifts')} /> }}
        data-testid="duty-grid"
        columns={[
          { title: t('duty.station'), dataIndex: 'stationName', fixed: 'left', width: 140 },
          ...days.map((day, i) => ({
            key: day,
            title: (
              <span style={day === today ? { color: '#c0392b' } : undefined}>
                {dutyWeekdayLabels[locale][i + 1]} {day.slice(5)}
              </span>
            ),
            render: (_: unknown, r: Row) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                {(r.byDay[day] ?? []).map((s) => (
                  <ShiftCell key={s.id} shift={s} onOpen={() => setOpen(s.id)} />
                ))}
              </Space>
            ),
          })),
        ]}
      />
      <ShiftDrawer shiftId={open} onClose={() => setOpen(null)} />
    </>
  );
}

function ShiftCell({ shift: s, onOpen }: { shift: Shift; onOpen: () => void }) {
  const { t } = useT();
  const missing = Math.max(0, s.headcount - s.assigned);
  return (
    <div
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
      data-testid={missing > 0 ? 'duty-shift-uncovered' : 'duty-shift'}
      style={{
        cursor: 'pointer',
        padding: '4px 6px',
        borderRadius: 4,
        border: `1px solid ${missing > 0 ? '#ff7875' : '#d9d9d9'}`,
        background: missing > 0 ? '#fff1f0' : '#fafafa',
        fontSize: 12,
      }}
    >
      <div>
        <b>
          {clockOf(s.startsAt)}–{clockOf(s.endsAt)}
        </b>{' '}
        {s.teamName && <span style={{ color: '#888' }}>{s.teamName}</span>}
      </div>
      <div>{s.people.length ? s.people.map((p) => p.name).join('、') : <span style={{ color: '#888' }}>{t('duty.nobody')}</span>}</div>
      {missing > 0 && (
        <Tag color="red" style={{ marginTop: 2 }}>
          {t('duty.short', { n: missing })}
        </Tag>
      )}
    </div>
  );
}

/** Prints the week's 值守排班台账 through the ledger workbook (register duty, by period). */
function LedgerButton({ from, to }: { from: string; to: string }) {
  const { t } = useT();
  const { communityId } = useSession();
  const [job, setJob] = useState<LedgerExport | null>(null);
  useEffect(() => setJob(null), [from]);
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => setJob(await fetchExport(job.id)), 700);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);
  if (job?.status === 'done')
    return (
      <a href={exportFileUrl(job.id)} data-testid="duty-ledger-download">
        {t('duty.printLedger')} ↓
      </a>
    );
  return (
    <Button loading={job?.status === 'running'} onClick={async () => setJob(await startExport({ communityId, from, to }, 'duty'))} data-testid="duty-ledger">
      {t('duty.printLedger')}
    </Button>
  );
}
