import { Tag } from 'antd';
import { agreementKinds, agreementStatuses, offerLabels, roleCan, type Agreement } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { EntityPage } from '../../components/entity-page.js';
import { agreementsApi } from './offers-api.js';
import { optionsOf, PartnerSelect } from './offers-fields.js';

const statusColor = { active: 'green', ended: 'default', terminated: 'red' } as const;

/** 入驻协议 / 共建协议: per partner, dates, commitments, a renewal reminder before the end. */
export function AgreementsPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const L = offerLabels[locale];
  return (
    <EntityPage<Agreement & { archivedAt?: string | null }>
      title={t('offers.agreements')}
      api={agreementsApi as never}
      testId="agreements"
      canWrite={roleCan(me.role, 'agreements.write')}
      createLabel={t('offers.newAgreement')}
      filters={[
        { name: 'status', placeholder: t('offers.status'), options: optionsOf(agreementStatuses, L.agreementStatus) },
        { name: 'kind', placeholder: t('offers.agreementKind'), options: optionsOf(agreementKinds, L.agreementKind) },
      ]}
      columns={[
        { title: t('offers.partner'), dataIndex: 'partnerName' },
        { title: t('offers.agreementKind'), dataIndex: 'kind', render: (k: Agreement['kind']) => L.agreementKind[k] },
        { title: t('offers.agreementTitle'), dataIndex: 'title' },
        { title: t('offers.startsOn'), dataIndex: 'startsOn' },
        { title: t('offers.endsOn'), dataIndex: 'endsOn', key: 'endsOn', sorter: true },
        { title: t('offers.commitments'), dataIndex: 'commitments', ellipsis: true },
        { title: t('offers.status'), dataIndex: 'status', render: (s: Agreement['status']) => <Tag color={statusColor[s]}>{L.agreementStatus[s]}</Tag> },
      ]}
      fields={[
        { name: 'partnerId', label: t('offers.partner'), required: true, createOnly: true, control: (id) => <PartnerSelect testId={id} /> },
        { name: 'kind', label: t('offers.agreementKind'), kind: 'select', options: optionsOf(agreementKinds, L.agreementKind), required: true },
        { name: 'title', label: t('offers.agreementTitle'), required: true, maxLength: 120 },
        { name: 'signedOn', label: t('offers.signedOn'), kind: 'date', required: true },
        { name: 'startsOn', label: t('offers.startsOn'), kind: 'date', required: true },
        { name: 'endsOn', label: t('offers.endsOn'), kind: 'date' },
        { name: 'commitments', label: t('offers.commitments'), kind: 'textarea', maxLength: 2000 },
        { name: 'spaceGiven', label: t('offers.spaceGiven'), maxLength: 500 },
        { name: 'resourcesPromised', label: t('offers.resourcesPromised'), kind: 'textarea', maxLength: 1000 },
        { name: 'remindDays', label: t('offers.remindDays'), kind: 'number' },
      ]}
    />
  );
}
