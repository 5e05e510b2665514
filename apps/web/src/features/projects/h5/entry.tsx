import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';
import { Go, type Navigate } from '../../../components/go.js';

// The resident home's link to the community's projects, light: the pages load in their own chunk.
const _texts = registerMessages({ 'ph.projects': '为民办实事进展' }, { 'ph.projects': 'Community projects' });
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function ProjectsEntry({ community, navigate }: { community: string; navigate: Navigate }) {
  const { t } = useT();
  return (
    <Go className="big-link" to={`/h5/projects?c=${encodeURIComponent(community)}`} navigate={navigate} testId="h5-projects-link">
      {t('ph.projects')}
    </Go>
  );
}
