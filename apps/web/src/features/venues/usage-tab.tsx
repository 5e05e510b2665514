import { useEffect, useState } from 'react';
import { Button, DatePicker, Space, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { LedgerExport } from '@linli/contracts';
import { bookerKindLabels } from '@linli/contracts/venue-labels';
import { beijingDate } from '@linli/contracts/time';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { client, unwrap } from '../../lib/api.js';
import { exportFileUrl, fetchExport } from '../ledger/api.js';
import { fetchVenueStats, venuesKeys, type VenueStatsRow } from './api.js';
import { addDays } from './week.js';
import './messages.js';

/** Usage per venue in a month (hours booked and used, by user), and 场地使用台账 for that month through the ledger. */
export function UsageTab() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const [month, setMonth] = useState(() => beijingDate(new Date()).slice(0, 7));
  const stats = useQuery({ queryKey: venuesKeys.stats(communityId, month), queryFn: () => fetchVenueStats(communityId, month) });
  const [job, setJob] = useState<LedgerExport | null>(null);
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => setJob(await fetchExport(job.id)), 700);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);
  const lastDay = addDays(`${dayjs(`${month}-01`).add(1, 'month').format('YYYY-MM')}-01`, -1);
  const print = async () =>
    setJob(
      await unwrap(
        client.POST('/api/ledger/exports', { body: { communityId: communityId ?? undefined, register: 'venue_usage', from: `${month}-01`, to: lastDay } }),
      ),
    );
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => {
            if (d) setMonth(d.format('YYYY-MM'));
            setJob(null);
          }}
          data-testid="ven-usage-month"
        />
        {job?.status === 'done' ? (
          <a href={exportFileUrl(job.id)} data-testid="ven-usage-download">
            {t('ven.download')}
          </a>
        ) : (
          <Button onClick={() => void print()} loading={job?.status === 'running'} data-testid="ven-usage-print">
            {t('ven.print')}
          </Button>
        )}
      </Space>
      <Table<VenueStatsRow>
        rowKey="venueId"
        loading={stats.isLoading}
        dataSource={stats.data?.venues ?? []}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="ven-usage-table"
        expandable={{
          rowExpandable: (v) => v.byBooker.length > 0,
          expandedRowRender: (v) => (
            <Table
              rowKey={(b) => `${b.bookerKind}-${b.bookerId ?? b.bookerName}`}
              size="small"
              pagination={false}
              dataSource={v.byBooker}
              columns={[
                { title: t('ven.bookerKind'), render: (_, b) => bookerKindLabels[locale][b.bookerKind] },
                { title: t('ven.booker'), dataIndex: 'bookerName' },
                { title: t('ven.bookings'), dataIndex: 'bookings' },
                { title: t('ven.bookedHours'), dataIndex: 'hours' },
                { title: t('ven.usedHours'), dataIndex: 'usedHours' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('ven.venue'), dataIndex: 'venueName' },
          { title: t('ven.bookings'), dataIndex: 'bookings' },
          { title: t('ven.bookedHours'), dataIndex: 'bookedHours' },
          { title: t('ven.usedHours'), dataIndex: 'usedHours' },
        ]}
      />
    </div>
  );
}
