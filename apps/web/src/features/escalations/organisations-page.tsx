import {
  departmentTypeLabels,
  departmentTypes,
  organisationKindLabels,
  organisationKinds,
  roleCan,
  subdistrictManagedKinds,
  type Organisation,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { EntityPage } from '../../components/entity-page.js';
import { organisationsApi } from './api.js';
import './messages.js';

/** The register of organisations that answer escalations: departments and offices (subdistrict), property companies and partner units (community). */
export function OrganisationsPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const bySubdistrict = me.role === 'subdistrict_admin' || me.role === 'system_admin';
  const kinds = organisationKinds
    .filter((k) => me.role === 'system_admin' || subdistrictManagedKinds.includes(k) === bySubdistrict)
    .map((k) => ({ value: k, label: organisationKindLabels[locale][k] }));
  const deptTypes = departmentTypes.map((k) => ({ value: k, label: departmentTypeLabels[locale][k] }));
  const scopes = (bySubdistrict ? (['district', 'subdistrict'] as const) : (['community'] as const)).map((k) => ({ value: k, label: t(`esc.area.${k}`) }));
  return (
    <EntityPage<Organisation>
      title={t('esc.organisations')}
      api={organisationsApi}
      testId="organisations"
      canWrite={roleCan(me.role, 'orgs.write')}
      createLabel={t('esc.newOrganisation')}
      filters={[{ name: 'kind', placeholder: t('esc.kind'), options: organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[locale][k] })) }]}
      columns={[
        { title: t('common.name'), dataIndex: 'name', key: 'name' },
        { title: t('esc.kind'), dataIndex: 'kind', render: (k: Organisation['kind']) => organisationKindLabels[locale][k] },
        {
          title: t('esc.departmentType'),
          dataIndex: 'departmentType',
          render: (k: Organisation['departmentType']) => (k ? departmentTypeLabels[locale][k] : ''),
        },
        { title: t('esc.areas'), dataIndex: 'areas', render: (a: Organisation['areas']) => a.map((x) => x.name).join('、') },
        { title: t('esc.contactName'), dataIndex: 'contactName' },
        { title: t('esc.contactPhone'), dataIndex: 'contactPhone' },
        { title: t('esc.defaultDays'), dataIndex: 'defaultWorkdays' },
      ]}
      fields={[
        { name: 'name', label: t('common.name'), required: true },
        { name: 'kind', label: t('esc.kind'), kind: 'select', options: kinds, required: true, createOnly: true },
        { name: 'departmentType', label: t('esc.departmentType'), kind: 'select', options: deptTypes },
        { name: 'areaScope', label: t('esc.areaScope'), kind: 'select', options: scopes, createOnly: true },
        { name: 'contactName', label: t('esc.contactName') },
        { name: 'contactPhone', label: t('esc.contactPhone'), extra: t('esc.contactPhoneHelp') },
        { name: 'address', label: t('common.address') },
      ]}
    />
  );
}
