import { Card, Col, Progress, Row, Space, Statistic, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { careTierLabels, type CareBoardItem } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { careKeys, fetchCareBoard, fetchCoverage } from './api.js';
import { CheckinsTodayPanel } from './checkins/index.js';
import './messages.js';

const tierColor = { high: 'red', key: 'orange', general: 'blue' } as const;

/** 探访关爱 board: this month's coverage, today's check-ins (checkins part), visits overdue and due this week, and recipients nobody is paired with. */
export function CareBoardPage() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const board = useQuery({ queryKey: careKeys.board(communityId, false), queryFn: () => fetchCareBoard(communityId) });
  const coverage = useQuery({ queryKey: careKeys.coverage(communityId, ''), queryFn: () => fetchCoverage(communityId) });
  const time = (s: string | null) => (s ? formatTime(s) : '');
  const columns = [
    { title: t('care.name'), dataIndex: 'residentName', key: 'name' },
    { title: t('care.address'), dataIndex: 'address', key: 'address' },
    {
      title: t('care.tier'),
      dataIndex: 'tier',
      key: 'tier',
      render: (v: CareBoardItem['tier'], r: CareBoardItem) => (
        <Space size={4}>
          <Tag color={tierColor[v]}>{careTierLabels[locale][v]}</Tag>
          {r.majorChange && <Tag color="magenta">{t('care.majorChange')}</Tag>}
        </Space>
      ),
    },
    { title: t('care.lastVisit'), dataIndex: 'lastVisitAt', key: 'last', render: time },
    { title: t('care.nextDue'), dataIndex: 'nextVisitDueAt', key: 'due', render: time },
  ];
  const list = (testId: string, title: string, rows: CareBoardItem[] | undefined) => (
    <Card title={`${title}（${rows?.length ?? 0}）`} size="small">
      <Table<CareBoardItem>
        rowKey="recipientId"
        data-testid={testId}
        size="small"
        loading={board.isLoading}
        dataSource={rows ?? []}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('care.none') }}
      />
    </Card>
  );
  const c = coverage.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large" data-testid="care-board">
      <Card title={t('care.coverage')}>
        <Row gutter={24} align="middle">
          <Col>
            <Progress type="circle" percent={c?.coveragePercent ?? 0} size={96} status={c && c.coveragePercent < 100 ? 'active' : 'success'} />
          </Col>
          <Col>
            <Statistic title={t('care.recipientsCount')} value={c?.recipients ?? 0} />
          </Col>
          <Col>
            <Statistic title={t('care.required')} value={c?.required ?? 0} />
          </Col>
          <Col>
            <Statistic title={t('care.done')} value={c?.done ?? 0} />
          </Col>
          <Col>
            <Statistic title={t('care.overdueCount')} value={c?.overdue ?? 0} valueStyle={c?.overdue ? { color: '#cf1322' } : undefined} />
          </Col>
        </Row>
      </Card>
      <CheckinsTodayPanel communityId={communityId} />
      {list('care-overdue', t('care.overdue'), board.data?.overdue)}
      {list('care-due-week', t('care.dueThisWeek'), board.data?.dueThisWeek)}
      {list('care-unpaired', t('care.unpaired'), board.data?.unpaired)}
    </Space>
  );
}
