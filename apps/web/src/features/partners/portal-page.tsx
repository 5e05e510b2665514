import { Alert, Card, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { offerLabels, type Agreement, type Contribution, type Resource } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { EntityPage } from '../../components/entity-page.js';
import { fetchPortal, offersKeys, resourcesApi } from './offers-api.js';
import { resourceColumns, resourceFields } from './offers-fields.js';
import { TotalsTable } from './contributions-page.js';

/**
 * A partner contact's own page: its offers (edited here), its agreements and contributions. What it claimed (micro-wishes,
 * orders) is on the contact's phone home, under 我认领的心愿 and 我的派单.
 */
export function PartnerPortalPage() {
  const { t, locale } = useT();
  const L = offerLabels[locale];
  const portal = useQuery({ queryKey: offersKeys.portal, queryFn: fetchPortal, retry: false });
  if (portal.isError) return <Alert type="info" showIcon message={t('offers.noPartner')} data-testid="portal-no-partner" />;
  const p = portal.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="partner-portal">
      <Card title={p ? `${t('offers.portal')} · ${p.partner.name}` : t('offers.portal')} loading={portal.isLoading}>
        <EntityPage<Resource>
          title={t('offers.portalOffers')}
          api={resourcesApi}
          testId="portal-resources"
          canWrite
          createLabel={t('offers.newResource')}
          createExtra={{ providerKind: 'partner' }}
          columns={resourceColumns(t, locale)}
          fields={resourceFields(t, locale, true)}
        />
      </Card>
      <Card title={t('offers.portalAgreements')}>
        <Table<Agreement>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p?.agreements}
          columns={[
            { title: t('offers.agreementTitle'), dataIndex: 'title' },
            { title: t('offers.agreementKind'), dataIndex: 'kind', render: (k: Agreement['kind']) => L.agreementKind[k] },
            { title: t('offers.startsOn'), dataIndex: 'startsOn' },
            { title: t('offers.endsOn'), dataIndex: 'endsOn' },
            { title: t('offers.commitments'), dataIndex: 'commitments' },
            { title: t('offers.status'), dataIndex: 'status', render: (s: Agreement['status']) => <Tag>{L.agreementStatus[s]}</Tag> },
          ]}
        />
      </Card>
      <Card title={t('offers.portalContributions')}>
        <TotalsTable items={p?.totals ?? []} />
        <Table<Contribution>
          rowKey="id"
          size="small"
          style={{ marginTop: 12 }}
          dataSource={p?.contributions}
          columns={[
            { title: t('offers.contributedOn'), dataIndex: 'contributedOn' },
            { title: t('offers.contributionKind'), dataIndex: 'kind', render: (k: Contribution['kind']) => L.contributionKind[k] },
            { title: t('offers.valueYuan'), dataIndex: 'valueYuan', render: (v: number) => (v ? v.toFixed(2) : '') },
            { title: t('offers.hours'), dataIndex: 'hours' },
            { title: t('offers.description'), dataIndex: 'description' },
          ]}
        />
      </Card>
    </Space>
  );
}
