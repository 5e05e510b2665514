import { useT } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';
import './messages.js';

/** The resident home's link to the community's activities (the pages themselves load lazily). */
export function ActivitiesEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/activities?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-activities-link">
      {t('ah.title')}
    </Go>
  );
}
