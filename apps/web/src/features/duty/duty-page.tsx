import { Card, Tabs } from 'antd';
import { useT } from '../../lib/i18n.js';
import { SwapsTab } from './swaps-tab.js';
import { TemplatesTab } from './templates-tab.js';
import { WeekTab } from './week-tab.js';
import './messages.js';

/** 值守排班 (ADR 0044): the week grid of the posts, the weekly templates, and the swaps waiting for approval. */
export function DutyPage() {
  const { t } = useT();
  return (
    <Card title={t('nav.duty')}>
      <Tabs
        items={[
          { key: 'week', label: t('duty.tabWeek'), children: <WeekTab /> },
          { key: 'templates', label: t('duty.tabTemplates'), children: <TemplatesTab /> },
          { key: 'swaps', label: t('duty.tabSwaps'), children: <SwapsTab /> },
        ]}
      />
    </Card>
  );
}
