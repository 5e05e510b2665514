import { useEffect, useRef, useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Select, Statistic, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { rateDefinitions, type CommunityDashboard } from '@linli/contracts';
import { beijingDate } from '@linli/contracts/time';
import { registerMessages, useT, type Keys } from '../../lib/i18n.js';
import { DepartmentRanking } from '../escalations/index.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../components/time.js';
import { fetchDashboard, fetchSubdistrictDashboard, ledgerKeys } from './api.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const _texts = registerMessages(
  {
    'dash.title': '数据看板',
    'dash.response': '响应率',
    'dash.resolution': '解决率',
    'dash.satisfaction': '满意率',
    'dash.total': '诉求总数',
    'dash.byStatus': '按状态',
    'dash.byCategory': '按类别',
    'dash.byChannel': '按渠道',
    'dash.byCompound': '按小区',
    'dash.weekly': '每周趋势',
    'dash.created': '新增',
    'dash.resolved': '办结',
    'dash.overdue': '超期诉求',
    'dash.ranking': '街道社区排名',
    'dash.departments': '职能部门吹哨报到排名',
    'dash.community': '社区',
    'dash.allSubdistricts': '全部街道（所有社区）',
    'dash.subdistrict': '街道',
    'dash.partners': '共建单位',
    'dash.partnersActive': '活跃共建单位',
    'dash.contributions': '本期贡献笔数',
    'dash.contributionMoney': '本期资金（元）',
    'dash.contributionValue': '本期贡献总价值（元）',
    'dash.wishesRaised': '微心愿 提出',
    'dash.wishesFulfilled': '微心愿 圆梦',
    'dash.wishesValue': '圆梦价值（元）',
    'dash.dutyCovered': '本周值守班次（人员齐备 / 总数）',
  },
  {
    'dash.title': 'Dashboard',
    'dash.response': 'Response rate',
    'dash.resolution': 'Resolution rate',
    'dash.satisfaction': 'Satisfaction rate',
    'dash.total': 'Tickets',
    'dash.byStatus': 'By status',
    'dash.byCategory': 'By category',
    'dash.byChannel': 'By channel',
    'dash.byCompound': 'By compound',
    'dash.weekly': 'Weekly trend',
    'dash.created': 'Raised',
    'dash.resolved': 'Resolved',
    'dash.overdue': 'Overdue tickets',
    'dash.ranking': 'Communities of the subdistrict',
    'dash.departments': 'Departments answering escalations',
    'dash.community': 'Community',
    'dash.allSubdistricts': 'All subdistricts (every community)',
    'dash.subdistrict': 'Subdistrict',
    'dash.partners': 'Partners',
    'dash.partnersActive': 'Active partners',
    'dash.contributions': 'Contributions in the period',
    'dash.contributionMoney': 'Money given (yuan)',
    'dash.contributionValue': 'Total value given (yuan)',
    'dash.wishesRaised': 'Wishes raised',
    'dash.wishesFulfilled': 'Wishes fulfilled',
    'dash.wishesValue': 'Value fulfilled (yuan)',
    'dash.dutyCovered': 'Duty shifts this week: fully staffed / all',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

function Chart({ option, height = 260 }: { option: echarts.EChartsCoreOption; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({ animation: false, ...option });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ height }} />;
}

// The default period ends today in Beijing, not in the browser's timezone: the API reads dates as Beijing days.
const defaultRange = (): [Dayjs, Dayjs] => [dayjs(beijingDate(Date.now() - 365 * 86_400_000)), dayjs(beijingDate(Date.now()))];

const pct = (r: { rate: number | null }) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`);

export function DashboardPage() {
  const { t, locale } = useT();
  const { communityId, communities, me } = useSession();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(defaultRange);
  // The system administrator belongs to no subdistrict: they choose one, or rank every community.
  const [subdistrictId, setSubdistrictId] = useState<number | null>(null);
  const subdistricts = [...new Map(communities.map((c) => [c.subdistrictId, `${c.districtName} ${c.subdistrictName}`])).entries()];
  const period = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const q = useQuery({ queryKey: ledgerKeys.dashboard(communityId, period), queryFn: () => fetchDashboard(communityId, period) });
  const sub = useQuery({
    queryKey: ledgerKeys.subdistrict(subdistrictId, period),
    enabled: me.role === 'subdistrict_admin' || me.role === 'system_admin',
    queryFn: () => fetchSubdistrictDashboard(subdistrictId, period),
  });
  const d = q.data;
  const defs = rateDefinitions[locale];
  const rateCard = (title: string, def: string, r: CommunityDashboard['responseRate'], testId: string) => (
    <Card>
      <Statistic
        title={
          <span>
            {title}{' '}
            <Tooltip title={def}>
              <QuestionCircleOutlined />
            </Tooltip>
          </span>
        }
        value={pct(r)}
        suffix={
          <span style={{ fontSize: 13, color: '#999' }}>
            {r.numerator}/{r.denominator}
          </span>
        }
        valueRender={(v) => <span data-testid={testId}>{v}</span>}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }} data-testid={`${testId}-rule`}>
        {def}
      </Typography.Paragraph>
    </Card>
  );
  const bar = (rows: CommunityDashboard['byStatus']): echarts.EChartsCoreOption => ({
    tooltip: {},
    grid: { left: 90, right: 16, top: 8, bottom: 24 },
    // Counts: whole numbers on the axis.
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
    series: [{ type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#c0392b' } }],
  });
  return (
    <div data-testid="dashboard">
      <Card
        title={t('dash.title')}
        extra={<DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />}
        style={{ marginBottom: 16 }}
      >
        <Row gutter={16}>
          <Col span={6}>
            <Card>
              <Statistic title={t('dash.total')} value={d?.total ?? 0} />
            </Card>
          </Col>
          <Col span={6}>{d && rateCard(t('dash.response'), defs.response, d.responseRate, 'rate-response')}</Col>
          <Col span={6}>{d && rateCard(t('dash.resolution'), defs.resolution, d.resolutionRate, 'rate-resolution')}</Col>
          <Col span={6}>{d && rateCard(t('dash.satisfaction'), defs.satisfaction, d.satisfactionRate, 'rate-satisfaction')}</Col>
        </Row>
        {d?.wishes && (
          <Row gutter={16} style={{ marginTop: 16 }} data-testid="dash-wishes">
            <Col span={6}>
              <Statistic title={t('dash.wishesRaised')} value={d.wishes.raised} />
            </Col>
            <Col span={6}>
              <Statistic title={t('dash.wishesFulfilled')} value={d.wishes.fulfilled} />
            </Col>
            <Col span={6}>
              <Statistic title={t('dash.wishesValue')} value={d.wishes.value} />
            </Col>
            {d.duty && (
              <Col span={6} data-testid="dash-duty">
                <Statistic title={t('dash.dutyCovered')} value={d.duty.covered} suffix={`/ ${d.duty.total}`} />
              </Col>
            )}
          </Row>
        )}
      </Card>
      {/* Partners (issue 9): active = an agreement in force today or a contribution this year. */}
      {d?.partners && (
        <Card title={t('dash.partners')} style={{ marginBottom: 16 }} data-testid="dash-partners">
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('dash.partnersActive')} value={d.partners.partnersActive} />
            </Col>
            <Col span={6}>
              <Statistic title={t('dash.contributions')} value={d.partners.contributions} />
            </Col>
            <Col span={6}>
              <Statistic title={t('dash.contributionMoney')} value={d.partners.contributionMoneyYuan} precision={2} />
            </Col>
            <Col span={6}>
              <Statistic title={t('dash.contributionValue')} value={d.partners.contributionValueYuan} precision={2} />
            </Col>
          </Row>
        </Card>
      )}
      {d && d.total === 0 && <Empty />}
      {d && d.total > 0 && (
        <Row gutter={16}>
          <Col span={12}>
            <Card title={t('dash.weekly')} style={{ marginBottom: 16 }}>
              <Chart
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0, data: [t('dash.created'), t('dash.resolved')] },
                  grid: { left: 40, right: 16, top: 36, bottom: 24 },
                  xAxis: { type: 'category', data: d.weekly.map((w) => w.week) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [
                    { name: t('dash.created'), type: 'line', data: d.weekly.map((w) => w.created) },
                    { name: t('dash.resolved'), type: 'line', data: d.weekly.map((w) => w.resolved) },
                  ],
                }}
              />
            </Card>
          </Col>
          <Col span={12}>
            <Card title={t('dash.byStatus')} style={{ marginBottom: 16 }}>
              <Chart option={bar(d.byStatus)} />
            </Card>
          </Col>
          <Col span={8}>
            <Card title={t('dash.byCategory')} style={{ marginBottom: 16 }}>
              <Chart option={bar(d.byCategory)} />
            </Card>
          </Col>
          <Col span={8}>
            <Card title={t('dash.byChannel')} style={{ marginBottom: 16 }}>
              <Chart
                option={{ tooltip: {}, series: [{ type: 'pie', radius: ['35%', '65%'], data: d.byChannel.map((r) => ({ name: r.label, value: r.count })) }] }}
              />
            </Card>
          </Col>
          <Col span={8}>
            <Card title={t('dash.byCompound')} style={{ marginBottom: 16 }}>
              <Chart option={bar(d.byCompound)} />
            </Card>
          </Col>
        </Row>
      )}
      {d && d.overdue.length > 0 && (
        <Card title={t('dash.overdue')} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.overdue}
            data-testid="overdue-table"
            columns={[
              { title: 'No.', dataIndex: 'code' },
              { title: '', dataIndex: 'title' },
              { title: '', dataIndex: 'dueAt', render: (v: string) => <span style={{ color: '#cf1322' }}>{formatTime('zh-CN', v)}</span> },
            ]}
          />
        </Card>
      )}
      {sub.data && (
        <Row gutter={16}>
          <Col xs={24} xl={sub.data.departments ? 14 : 24}>
            <Card
              title={t('dash.ranking')}
              extra={
                me.role === 'system_admin' && (
                  <Select<number | null>
                    aria-label={t('dash.subdistrict')}
                    data-testid="ranking-subdistrict"
                    style={{ width: 240 }}
                    value={subdistrictId}
                    onChange={setSubdistrictId}
                    options={[{ value: null, label: t('dash.allSubdistricts') }, ...subdistricts.map(([id, name]) => ({ value: id, label: name }))]}
                  />
                )
              }
            >
              <Table
                size="small"
                rowKey="communityId"
                pagination={false}
                dataSource={sub.data.communities}
                data-testid="ranking-table"
                columns={[
                  { title: '#', render: (_v, _r, i) => i + 1, width: 48 },
                  { title: t('dash.community'), dataIndex: 'name' },
                  { title: t('dash.total'), dataIndex: 'total', align: 'right' },
                  { title: t('dash.response'), dataIndex: 'responseRate', render: pct, align: 'right' },
                  { title: t('dash.resolution'), dataIndex: 'resolutionRate', render: pct, align: 'right' },
                  { title: t('dash.satisfaction'), dataIndex: 'satisfactionRate', render: pct, align: 'right' },
                  { title: t('dash.overdue'), dataIndex: 'overdue', align: 'right' },
                ]}
              />
            </Card>
          </Col>
          {sub.data.departments && (
            <Col xs={24} xl={10}>
              <Card title={t('dash.departments')} data-testid="dashboard-department-ranking">
                <DepartmentRanking rows={sub.data.departments} />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
