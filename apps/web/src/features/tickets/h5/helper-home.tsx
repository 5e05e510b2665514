import { useEffect, useState } from 'react';
import type { Me } from '@linli/contracts';
import { fetchTasks } from '../api.js';
import { useT } from '../../../lib/i18n.js';
import { canIntake, Go, type Navigate } from './shared.js';

/** A helper's home: the two entries, with how many tasks wait and how many are overdue. */
export function HelperHome({ me, navigate }: { me: Me; navigate: Navigate }) {
  const { t } = useT();
  const [tasks, setTasks] = useState<{ badge: number; overdue: number } | null>(null);
  useEffect(() => {
    fetchTasks().then(setTasks, () => setTasks(null));
  }, []);
  return (
    <nav className="entries" data-testid="h5-helper-home">
      <Go to="/h5/tasks" navigate={navigate} className="entry" testId="h5-tasks-link">
        <span className="entry-title">
          {t('hp.tasks')}
          {tasks && tasks.badge > 0 && (
            <span className="badge" data-testid="h5-task-badge">
              {tasks.badge}
            </span>
          )}
        </span>
        <span className="entry-hint">
          {tasks && tasks.overdue > 0 ? <b className="overdue-text">{t('hp.overdueCount', { n: tasks.overdue })}</b> : t('hp.tasksHint')}
        </span>
      </Go>
      {canIntake(me.role) && (
        <Go to="/h5/visit" navigate={navigate} className="entry" testId="h5-visit-link">
          <span className="entry-title">{t('hp.visit')}</span>
          <span className="entry-hint">{t('hp.visitHint')}</span>
        </Go>
      )}
    </nav>
  );
}
