import { useState } from 'react';
import { Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { contributionKinds, offerLabels, roleCan, type Contribution, type ContributionTotal } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { EntityForm } from '../../components/entity-page.js';
import { createContribution, fetchContributions, fetchContributionTotals, offersKeys } from './offers-api.js';
import { optionsOf, PartnerSelect } from './offers-fields.js';

/** Contributions (money, goods, work hours, space) and the year's totals per partner, summed by the server. */
export function ContributionsPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const L = offerLabels[locale];
  const [year, setYear] = useState(new Date().getFullYear());
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: [...offersKeys.contributions, communityId, year, kind, page],
    queryFn: () => fetchContributions({ communityId: communityId ?? undefined, year, kind, page, pageSize: 20, sort: 'contributedOn', order: 'desc' }),
  });
  const totals = useQuery({ queryKey: offersKeys.totals(communityId, year), queryFn: () => fetchContributionTotals(communityId, year) });
  const all = totals.data?.all;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={t('offers.contributions')}>
        <Space style={{ marginBottom: 12 }} wrap>
          <InputNumber value={year} min={2000} max={2199} onChange={(v) => v && setYear(v)} addonBefore={t('offers.year')} data-testid="contributions-year" />
          <Select
            allowClear
            placeholder={t('offers.contributionKind')}
            style={{ minWidth: 140 }}
            value={kind}
            onChange={setKind}
            options={optionsOf(contributionKinds, L.contributionKind)}
          />
          {roleCan(me.role, 'contributions.write') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="contributions-new">
              {t('offers.newContribution')}
            </Button>
          )}
        </Space>
        <Table<Contribution>
          rowKey="id"
          data-testid="contributions-table"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage }}
          columns={[
            { title: t('offers.contributedOn'), dataIndex: 'contributedOn' },
            { title: t('offers.partner'), dataIndex: 'partnerName' },
            { title: t('offers.contributionKind'), dataIndex: 'kind', render: (k: Contribution['kind']) => L.contributionKind[k] },
            { title: t('offers.valueYuan'), dataIndex: 'valueYuan', align: 'right', render: (v: number) => (v ? v.toFixed(2) : '') },
            { title: t('offers.hours'), dataIndex: 'hours', align: 'right' },
            { title: t('offers.areaSqm'), dataIndex: 'areaSqm', align: 'right' },
            { title: t('offers.description'), dataIndex: 'description', ellipsis: true },
          ]}
        />
      </Card>
      <Card title={t('offers.totals', { year })}>
        {all && (
          <Typography.Paragraph data-testid="contributions-totals">
            {t('offers.totalsLine', {
              count: all.count,
              money: all.moneyYuan.toFixed(2),
              goods: all.goodsValueYuan.toFixed(2),
              value: all.totalValueYuan.toFixed(2),
              hours: all.hours,
            })}
          </Typography.Paragraph>
        )}
        <TotalsTable items={totals.data?.items ?? []} />
      </Card>
      {adding && (
        <EntityForm
          title={t('offers.newContribution')}
          api={{ create: createContribution, update: () => Promise.reject(new Error('contributions are not edited')) }}
          extra={{ communityId: communityId ?? undefined }}
          testId="contributions"
          invalidate={[offersKeys.contributions, ['partners', 'contribution-totals']]}
          onClose={() => setAdding(false)}
          fields={[
            { name: 'partnerId', label: t('offers.partner'), required: true, control: (id) => <PartnerSelect testId={id} /> },
            { name: 'kind', label: t('offers.contributionKind'), kind: 'select', options: optionsOf(contributionKinds, L.contributionKind), required: true },
            { name: 'contributedOn', label: t('offers.contributedOn'), kind: 'date', required: true },
            { name: 'valueYuan', label: t('offers.valueYuan'), control: (id) => <InputNumber style={{ width: '100%' }} precision={2} data-testid={id} /> },
            { name: 'hours', label: t('offers.hours'), control: (id) => <InputNumber style={{ width: '100%' }} precision={1} data-testid={id} /> },
            { name: 'areaSqm', label: t('offers.areaSqm'), control: (id) => <InputNumber style={{ width: '100%' }} precision={1} data-testid={id} /> },
            { name: 'spacePeriod', label: t('offers.spacePeriod'), maxLength: 100 },
            { name: 'description', label: t('offers.description'), maxLength: 500 },
            { name: 'note', label: t('offers.note'), maxLength: 500 },
          ]}
        />
      )}
    </Space>
  );
}

export function TotalsTable({ items }: { items: ContributionTotal[] }) {
  const { t } = useT();
  return (
    <Table<ContributionTotal>
      rowKey="partnerId"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: t('offers.partner'), dataIndex: 'partnerName' },
        { title: t('offers.count'), dataIndex: 'count', align: 'right' },
        { title: t('offers.money'), dataIndex: 'moneyYuan', align: 'right', render: (v: number) => v.toFixed(2) },
        { title: t('offers.goods'), dataIndex: 'goodsValueYuan', align: 'right', render: (v: number) => v.toFixed(2) },
        { title: t('offers.value'), dataIndex: 'totalValueYuan', align: 'right', render: (v: number) => v.toFixed(2) },
        { title: t('offers.hours'), dataIndex: 'hours', align: 'right' },
      ]}
    />
  );
}
