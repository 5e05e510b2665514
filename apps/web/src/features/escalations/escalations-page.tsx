import { useState } from 'react';
import { App, Card, Select, Space, Switch, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { escalationStatuses, escalationStatusLabels, roleCan, type Escalation } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../components/time.js';
import { escalationsKeys, fetchEscalations, fetchEscalationSettings, saveEscalationSettings } from './api.js';
import { EscalationCard, EscalationStatusTag } from './escalation-card.js';
import './messages.js';

/**
 * The escalations queue: a department's or partner's contact sees only what was escalated to it (across the
 * communities it serves) and replies; community staff see their community's, approve grid workers' requests and
 * supply information; the secretary sets whether the community's clock pauses while escalated.
 */
export function EscalationsPage() {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<Escalation['status'] | undefined>(roleCan(me.role, 'escalations.create') ? undefined : undefined);
  const [page, setPage] = useState(1);
  const filters = { status, page, pageSize: 20 };
  const q = useQuery({ queryKey: escalationsKeys.list(filters), queryFn: () => fetchEscalations(filters) });
  const configurable = roleCan(me.role, 'tickets.configure') && communityId != null;
  const settings = useQuery({ queryKey: escalationsKeys.settings(communityId), enabled: configurable, queryFn: () => fetchEscalationSettings(communityId) });
  const save = useMutation({
    mutationFn: (pauseClock: boolean) => saveEscalationSettings({ communityId: communityId ?? undefined, pauseClock }),
    onSuccess: () => {
      message.success(t('esc.saved'));
      void qc.invalidateQueries({ queryKey: escalationsKeys.settings(communityId) });
    },
  });
  const time = (s: string | null) => (s ? formatTime(locale, s) : '');
  return (
    <Card
      title={t('esc.queue')}
      extra={
        <Space>
          {configurable && (
            <span title={t('esc.pauseClockHelp')}>
              {t('esc.pauseClock')} <Switch checked={settings.data?.pauseClock ?? false} onChange={(v) => save.mutate(v)} data-testid="esc-pause-clock" />
            </span>
          )}
          <Select
            allowClear
            placeholder={t('esc.status')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={escalationStatuses.map((s) => ({ value: s, label: escalationStatusLabels[locale][s] }))}
            data-testid="esc-status-filter"
          />
        </Space>
      }
    >
      <Table<Escalation>
        rowKey="id"
        data-testid="escalations-table"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        expandable={{ expandedRowRender: (e) => <EscalationCard e={e} organisationId={me.organisationId ?? null} />, expandRowByClick: true }}
        columns={[
          { title: t('esc.ticket'), render: (_, e) => `${e.ticketCode} · ${e.ticketTitle}` },
          { title: t('esc.community'), dataIndex: 'communityName' },
          { title: t('esc.organisation'), dataIndex: 'organisationName' },
          { title: t('esc.status'), render: (_, e) => <EscalationStatusTag e={e} /> },
          { title: t('esc.sent'), render: (_, e) => time(e.createdAt) },
          { title: t('esc.due'), render: (_, e) => time(e.dueAt) },
        ]}
      />
      {q.data && q.data.total === 0 && <Typography.Text type="secondary">{t('esc.none')}</Typography.Text>}
    </Card>
  );
}
