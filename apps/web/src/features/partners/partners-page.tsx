import { partnerKindLabels, partnerKinds, roleCan, type Partner } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { EntityPage } from '../../components/entity-page.js';
import { partnersApi } from './api.js';

export function PartnersPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const kinds = partnerKinds.map((k) => ({ value: k, label: partnerKindLabels[locale][k] }));
  return (
    <EntityPage<Partner>
      title={t('nav.partners')}
      api={partnersApi}
      testId="partners"
      canWrite={roleCan(me.role, 'partners.write')}
      createLabel={t('partners.new')}
      filters={[{ name: 'kind', placeholder: t('people.kind'), options: kinds }]}
      columns={[
        { title: t('common.name'), dataIndex: 'name', key: 'name' },
        { title: t('people.kind'), dataIndex: 'kind', key: 'kind', render: (k: Partner['kind']) => partnerKindLabels[locale][k] },
        { title: t('partners.contact'), dataIndex: 'contactName' },
        { title: t('people.contactPhone'), dataIndex: 'contactPhoneMasked' },
        { title: t('common.address'), dataIndex: 'address' },
        { title: t('partners.joinedOn'), dataIndex: 'joinedOn', key: 'joinedOn' },
      ]}
      fields={[
        { name: 'name', label: t('common.name'), required: true },
        { name: 'kind', label: t('people.kind'), kind: 'select', options: kinds, required: true },
        { name: 'contactName', label: t('partners.contact') },
        {
          name: 'contactPhone',
          label: t('people.contactPhone'),
          secret: true,
          extra: (row) => (row?.contactPhoneMasked ? t('common.keepBlank', { masked: String(row.contactPhoneMasked) }) : undefined),
        },
        { name: 'address', label: t('common.address') },
        { name: 'joinedOn', label: t('partners.joinedOn'), kind: 'date' },
        { name: 'description', label: t('people.description'), kind: 'textarea' },
      ]}
    />
  );
}
