import { offerLabels, providerKinds, resourceCategories, roleCan, type Resource } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { EntityPage } from '../../components/entity-page.js';
import { resourcesApi } from './offers-api.js';
import { optionsOf, resourceColumns, resourceFields } from './offers-fields.js';

/** 资源清单: what partners, merchants, departments, teams and residents offer; staff register and archive. */
export function ResourcesPage() {
  const { t, locale } = useT();
  const { me } = useSession();
  const L = offerLabels[locale];
  return (
    <EntityPage<Resource>
      title={t('offers.resources')}
      api={resourcesApi}
      testId="resources"
      canWrite={roleCan(me.role, 'resources.write')}
      createLabel={t('offers.newResource')}
      filters={[
        { name: 'category', placeholder: t('offers.category'), options: optionsOf(resourceCategories, L.category) },
        { name: 'providerKind', placeholder: t('offers.providerKind'), options: optionsOf(providerKinds, L.provider) },
      ]}
      columns={resourceColumns(t, locale)}
      fields={resourceFields(t, locale, me.role === 'partner_contact')}
    />
  );
}
