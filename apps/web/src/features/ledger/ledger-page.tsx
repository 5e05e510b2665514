import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Progress, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ledgerColumns, type LedgerExport, type LedgerRegisterKey, type LedgerRow } from '@linli/contracts';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { exportFileUrl, fetchExport, fetchLedger, fetchRegisters, ledgerKeys, startExport } from './api.js';

const _texts = registerMessages(
  {
    'ledger.title': '台账',
    'ledger.export': '导出台账 (.xlsx)',
    'ledger.exporting': '正在导出 {p}/{t}',
    'ledger.download': '下载 {name}',
    'ledger.register': '台账类别',
    'ledger.register.tickets': '诉求工单台账',
    'ledger.register.residents': '居民花名册',
    'ledger.register.party_members': '党员台账',
    'ledger.register.teams': '队伍台账',
    'ledger.register.partners': '共建单位台账',
    'ledger.register.escalations': '吹哨上报台账',
    'ledger.register.resources': '资源清单台账',
    'ledger.register.agreements': '共建协议台账',
    'ledger.register.contributions': '共建单位贡献台账',
    'ledger.register.wishes': '微心愿台账',
    'ledger.register.help': '帮扶台账',
    'ledger.register.care': '探访关爱台账',
    'ledger.register.meetings': '议事会议台账',
    'ledger.register.meeting_minutes': '会议记录',
    'ledger.register.venue_usage': '场地使用台账',
    'ledger.register.volunteers': '志愿者台账',
    'ledger.register.service_hours': '志愿服务时长台账',
    'ledger.register.duty': '值守排班台账',
    'ledger.register.points': '积分台账',
    'ledger.register.redemptions': '兑换台账',
    'ledger.register.activities': '活动台账',
    'ledger.register.party_reports': '在职党员报到台账',
    'ledger.register.pioneer_claims': '先锋岗认领台账',
    'ledger.register.party_feedback': '在职党员双报到反馈表',
    'ledger.register.projects': '为民办实事台账',
    'ledger.asOfToday': '按导出时的在册情况打印（不按日期筛选），A4 横向，含标题、序号、页码和经办人、审核人签字栏。列：{columns}',
    'ledger.printNote': '导出文件为 A4 横向、一页宽，每页重复表头，含标题、序号、页码和经办人、审核人签字栏。',
  },
  {
    'ledger.title': 'Ledgers',
    'ledger.export': 'Export ledger (.xlsx)',
    'ledger.exporting': 'Exporting {p}/{t}',
    'ledger.download': 'Download {name}',
    'ledger.register': 'Register',
    'ledger.register.tickets': 'Ticket ledger',
    'ledger.register.residents': 'Resident roster',
    'ledger.register.party_members': 'Party members',
    'ledger.register.teams': 'Teams',
    'ledger.register.partners': 'Partners',
    'ledger.register.escalations': 'Escalations',
    'ledger.register.resources': 'Resource list',
    'ledger.register.agreements': 'Partner agreements',
    'ledger.register.contributions': 'Partner contributions',
    'ledger.register.wishes': 'Micro-wishes',
    'ledger.register.help': 'Help list',
    'ledger.register.care': 'Care visits',
    'ledger.register.meetings': 'Meetings register',
    'ledger.register.meeting_minutes': 'Meeting minutes',
    'ledger.register.venue_usage': 'Venue usage',
    'ledger.register.volunteers': 'Volunteers',
    'ledger.register.service_hours': 'Volunteer service hours',
    'ledger.register.duty': 'Duty rosters',
    'ledger.register.points': 'Points ledger',
    'ledger.register.redemptions': 'Redemptions',
    'ledger.register.activities': 'Activities',
    'ledger.register.party_reports': 'In-service party members reporting in',
    'ledger.register.pioneer_claims': 'Pioneer post claims',
    'ledger.register.party_feedback': 'Party member feedback sheet (双报到)',
    'ledger.register.projects': 'Community projects register (为民办实事)',
    'ledger.asOfToday':
      'Printed as it stands at export (no date filter), A4 landscape, with title, numbering, page numbers and signature lines. Columns: {columns}',
    'ledger.printNote':
      'The file prints A4 landscape, one page wide, the header repeated on every page, with title, numbering, page numbers and signature lines.',
  },
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
  const [register, setRegister] = useState<LedgerRegisterKey>('tickets');
  const filters = { communityId, from: range?.[0].format('YYYY-MM-DD'), to: range?.[1].format('YYYY-MM-DD') };
  const registers = useQuery({ queryKey: ledgerKeys.registers, queryFn: fetchRegisters });
  const info = registers.data?.items.find((r) => r.key === register);
  const q = useQuery({
    queryKey: ledgerKeys.rows(filters, page),
    queryFn: () => fetchLedger(filters, page),
    placeholderData: (p) => p,
    enabled: register === 'tickets',
  });
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setInterval(async () => setJob(await fetchExport(job.id)), 700);
    return () => clearInterval(timer);
  }, [job?.id, job?.status]);
  return (
    <Card
      title={`${t('ledger.title')} · ${t(`ledger.register.${register}`)}`}
      data-testid="ledger-page"
      extra={
        <Space>
          <Select<LedgerRegisterKey>
            aria-label={t('ledger.register')}
            data-testid="ledger-register"
            style={{ width: 160 }}
            value={register}
            onChange={(v) => {
              setRegister(v);
              setJob(null);
            }}
            options={(registers.data?.items ?? []).map((r) => ({ value: r.key, label: t(`ledger.register.${r.key}`) }))}
          />
          <DatePicker.RangePicker
            disabled={info ? !info.byPeriod : false}
            value={range}
            onChange={(v) => {
              setRange(v && v[0] && v[1] ? [v[0], v[1]] : null);
              setPage(1);
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={async () => setJob(await startExport(filters, register))}
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
      {register !== 'tickets' && info && !info.byPeriod && <Alert type="info" showIcon message={t('ledger.asOfToday', { columns: info.columns.join('、') })} />}
      {(register === 'tickets' || info?.byPeriod) && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ledger.printNote')} />}
      {register === 'tickets' && (
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
      )}
    </Card>
  );
}
