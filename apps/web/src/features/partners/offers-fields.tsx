import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { offerLabels, priceKinds, providerKinds, resourceCategories, resourceKinds, type Resource } from '@linli/contracts';
import type { FieldDef } from '../../components/entity-page.js';
import type { I18n } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { CompoundSelect, ResidentPicker } from '../places/pickers.js';
import { fetchPartnerOptions, partnersKeys } from './api.js';
import { fetchOrganisationOptions, fetchTeamOptions, offersKeys } from './offers-api.js';
import './offers-messages.js';

type Locale = 'zh-CN' | 'en';
type Opt = { value?: number | null; onChange?: (v: number | null) => void; testId?: string };

function IdSelect({ value, onChange, testId, options, loading }: Opt & { options?: Array<{ value: number; label: string }>; loading: boolean }) {
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={loading}
      data-testid={testId}
    />
  );
}
export function PartnerSelect(p: Opt) {
  const { communityId } = useSession();
  const q = useQuery({ queryKey: partnersKeys.options(communityId), queryFn: () => fetchPartnerOptions(communityId) });
  return <IdSelect {...p} loading={q.isFetching} options={q.data?.items.map((x) => ({ value: x.id, label: x.name }))} />;
}
function TeamSelect(p: Opt) {
  const { communityId } = useSession();
  const q = useQuery({ queryKey: offersKeys.teams(communityId), queryFn: () => fetchTeamOptions(communityId) });
  return <IdSelect {...p} loading={q.isFetching} options={q.data?.items.map((x) => ({ value: x.id, label: x.name }))} />;
}
function OrganisationSelect(p: Opt) {
  const q = useQuery({ queryKey: offersKeys.organisations, queryFn: fetchOrganisationOptions });
  return <IdSelect {...p} loading={q.isFetching} options={q.data?.items.map((x) => ({ value: x.id, label: x.name }))} />;
}

export const optionsOf = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The resource form; `forContact` leaves out the provider (a partner contact offers as its own partner). */
export function resourceFields(t: I18n['t'], locale: Locale, forContact = false): FieldDef[] {
  const L = offerLabels[locale];
  const provider: FieldDef[] = forContact
    ? []
    : [
        {
          name: 'providerKind',
          label: t('offers.providerKind'),
          kind: 'select',
          options: optionsOf(providerKinds, L.provider),
          required: true,
          createOnly: true,
        },
        { name: 'partnerId', label: t('offers.partner'), createOnly: true, control: (id) => <PartnerSelect testId={id} /> },
        { name: 'organisationId', label: t('offers.organisation'), createOnly: true, control: (id) => <OrganisationSelect testId={id} /> },
        { name: 'teamId', label: t('offers.team'), createOnly: true, control: (id) => <TeamSelect testId={id} /> },
        { name: 'residentId', label: t('offers.resident'), createOnly: true, control: (id) => <ResidentPicker testId={id} /> },
      ];
  return [
    ...provider,
    { name: 'title', label: t('offers.title'), required: true, maxLength: 80 },
    { name: 'kind', label: t('offers.kind'), kind: 'select', options: optionsOf(resourceKinds, L.resourceKind), required: true },
    { name: 'category', label: t('offers.category'), kind: 'select', options: optionsOf(resourceCategories, L.category), required: true },
    { name: 'priceKind', label: t('offers.price'), kind: 'select', options: optionsOf(priceKinds, L.price) },
    { name: 'priceNote', label: t('offers.priceNote'), maxLength: 200 },
    { name: 'compoundId', label: t('offers.compound'), control: () => <CompoundSelect /> },
    { name: 'audience', label: t('offers.audience'), maxLength: 200 },
    { name: 'availability', label: t('offers.availability'), maxLength: 200 },
    { name: 'capacity', label: t('offers.capacity'), kind: 'number' },
    { name: 'contactName', label: t('offers.contactName'), maxLength: 40 },
    { name: 'contactPhone', label: t('offers.contactPhone'), extra: t('offers.contactPhoneHelp') },
    { name: 'description', label: t('offers.description'), kind: 'textarea', maxLength: 1000 },
  ];
}

export function resourceColumns(t: I18n['t'], locale: Locale) {
  const L = offerLabels[locale];
  return [
    { title: t('offers.title'), dataIndex: 'title', key: 'title' },
    { title: t('offers.kind'), dataIndex: 'kind', render: (k: Resource['kind']) => L.resourceKind[k] },
    { title: t('offers.category'), dataIndex: 'category', key: 'category', render: (k: Resource['category']) => L.category[k] },
    { title: t('offers.provider'), dataIndex: 'providerName', render: (n: string, r: Resource) => `${n}（${L.provider[r.providerKind]}）` },
    {
      title: t('offers.price'),
      dataIndex: 'priceKind',
      render: (k: Resource['priceKind'], r: Resource) => [L.price[k], r.priceNote].filter(Boolean).join('：'),
    },
    { title: t('offers.compound'), dataIndex: 'compoundName', render: (n: string | null) => n ?? t('offers.wholeCommunity') },
    { title: t('offers.availability'), dataIndex: 'availability' },
    { title: t('offers.contactPhone'), dataIndex: 'contactPhone' },
  ];
}
