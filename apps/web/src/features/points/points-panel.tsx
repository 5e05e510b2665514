import { useState } from 'react';
import { DatePicker, Descriptions, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatPoints, pointsEntryKindLabels, type PointsEntry } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { formatTime } from '../../lib/time.js';
import { fetchStatement, pointsKeys } from './api.js';
import './messages.js';

/** A volunteer's points: a month's statement (opening, entries, closing). For the volunteer drawer. */
export function PointsPanel({ volunteerId }: { volunteerId: number }) {
  const { t, locale } = useT();
  const [month, setMonth] = useState(() => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7));
  const q = useQuery({ queryKey: pointsKeys.statement(volunteerId, month), queryFn: () => fetchStatement(volunteerId, month) });
  const s = q.data;
  return (
    <div data-testid="points-panel">
      <DatePicker picker="month" allowClear={false} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
      {s && (
        <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('points.balance')}>{formatPoints(s.balanceNow)}</Descriptions.Item>
          <Descriptions.Item label={t('points.opening')}>{formatPoints(s.openingBalance)}</Descriptions.Item>
          <Descriptions.Item label={t('points.closing')}>{formatPoints(s.closingBalance)}</Descriptions.Item>
        </Descriptions>
      )}
      <Table<PointsEntry>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={s?.entries ?? []}
        pagination={false}
        columns={[
          { title: t('points.entry.time'), render: (_, e) => formatTime(e.occurredAt) },
          { title: t('points.entry.kind'), render: (_, e) => pointsEntryKindLabels[locale][e.kind] },
          { title: t('points.entry.delta'), render: (_, e) => (e.delta > 0 ? `+${formatPoints(e.delta)}` : formatPoints(e.delta)) },
          { title: t('points.entry.reason'), dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}
