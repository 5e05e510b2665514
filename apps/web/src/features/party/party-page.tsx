import { Card, Tabs } from 'antd';
import { useT } from '../../lib/i18n.js';
import { BranchesTab } from './branches-tab.js';
import { FloorTab } from './floor-tab.js';
import { PostsTab } from './posts-tab.js';
import { ReportsTab } from './reports-tab.js';
import './messages.js';

/** 双报到: reports and who is due, pioneer posts and claims, the below-floor list with the feedback sheets, the branches. */
export function PartyPage() {
  const { t } = useT();
  return (
    <Card title={t('nav.party')}>
      <Tabs
        items={[
          { key: 'reports', label: t('party.tabReports'), children: <ReportsTab /> },
          { key: 'posts', label: t('party.tabPosts'), children: <PostsTab /> },
          { key: 'floor', label: t('party.tabFloor'), children: <FloorTab /> },
          { key: 'branches', label: <span data-testid="party-tab-branches">{t('party.tabBranches')}</span>, children: <BranchesTab /> },
        ]}
      />
    </Card>
  );
}
