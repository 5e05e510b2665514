import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Progress, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ledgerColumns, type LedgerExport, type LedgerRow } from '@linli/contracts';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { exportFileUrl, fetchExport, fetchLedger, ledgerKeys, startExport } from './api.js';

const _texts = registerMessages(
  { 'ledger.title': '诉求台账', 'ledger.export': '导出台账 (.xlsx)', 'ledger.exporting': '正在导出 {p}/{t}', 'ledger.download': '下载 {name}' },
  { 'ledger.title': 'Ticket ledger', 'ledger.export': 'Export ledger (.xlsx)', 'ledger.exporting': 'Exporting {p}/{t}', 'ledger.download': 'Download {name}' },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function LedgerPage() {
  const { t } = useT();
  const { communityId } = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [page, setPage] = useState(1);
  const [job, setJob] = useState<LedgerExport | null>(null);
  const filters = { communityId, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const q = useQuery({
    queryKey: ledgerKeys.rows(filters, page),
    queryFn: () => fetchLedger(filters, page),
    placeholderData: (p) => p,
  });
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => setJob(await fetchExport(job.id)), 700);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);
  return (
    <Card
      title={t('ledger.title')}
      data-testid="ledger-page"
      extra={
        <Space>
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
              setPage(1);
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={async () => setJob(await startExport(filters))}
            disabled={job?.status === 'running'}
            data-testid="ledger-export"
          >
            {t('ledger.export')}
          </Button>
        </Space>
      }
    >
      {job && (
        <div style={{ marginBottom: 12 }} data-testid="ledger-export-status">
          {job.status === 'running' && (
            <>
              {t('ledger.exporting', { p: job.processed, t: job.total })}
              <Progress percent={Math.round((job.processed / Math.max(1, job.total)) * 100)} />
            </>
          )}
          {job.status === 'done' && (
            <a href={exportFileUrl(job.id)} data-testid="ledger-download">
              {t('ledger.download', { name: job.fileName })}
            </a>
          )}
        </div>
      )}
      <Table<LedgerRow>
        size="small"
        rowKey="code"
        scroll={{ x: 2200 }}
        loading={q.isFetching}
        dataSource={q.data?.items}
        pagination={{ current: page, pageSize: 20, total: q.data?.total, onChange: setPage, showTotal: (n) => t('common.total', { n }) }}
        columns={ledgerColumns.map(([key, header]) => ({
          title: header,
          dataIndex: key,
          width: key === 'process' ? 360 : key === 'description' || key === 'result' ? 220 : 120,
          render: (v: string) => (key === 'process' ? <div style={{ whiteSpace: 'pre-line', fontSize: 12 }}>{v}</div> : v),
        }))}
      />
    </Card>
  );
}
