import { useState } from 'react';
import { Alert, App, Button, Input, List, QRCode, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleCan, type Me } from '@linli/contracts';
import { useT } from '../../../lib/i18n.js';
import { formatTime } from '../../../lib/time.js';
import { applyApiError } from '../../../components/forms.js';
import { checkinLinkKeys, fetchCheckinLinks, fetchCheckinPlan, issueCheckinLink, revokeCheckinLink, saveCheckinPlan } from './api.js';
import './messages.js';

/**
 * In a care recipient's drawer: the daily window and the personal check-in links. A new link is shown once, with a QR
 * code to print or send; afterwards only its holder and use are listed, and staff can stop it.
 */
export function CheckinLinksSection({ recipientId, me }: { recipientId: number; me: Me }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canManage = roleCan(me.role, 'checkins.manage');
  const plan = useQuery({ queryKey: checkinLinkKeys.plan(recipientId), queryFn: () => fetchCheckinPlan(recipientId) });
  const links = useQuery({ queryKey: checkinLinkKeys.links(recipientId), queryFn: () => fetchCheckinLinks(recipientId), enabled: canManage });
  const [holder, setHolder] = useState<'self' | 'family'>('self');
  const [holderName, setHolderName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const [dueBy, setDueBy] = useState<string | null>(null);
  const fail = (e: unknown) => message.error(applyApiError(undefined, e));
  const refresh = () => void qc.invalidateQueries({ queryKey: ['checkins'] });
  const issue = useMutation({
    mutationFn: () => issueCheckinLink(recipientId, holder, holder === 'family' ? holderName.trim() || null : null),
    onSuccess: (r) => {
      setIssued(new URL(r.path, location.origin).toString());
      refresh();
    },
    onError: fail,
  });
  const revoke = useMutation({ mutationFn: (linkId: number) => revokeCheckinLink(recipientId, linkId), onSuccess: refresh, onError: fail });
  const save = useMutation({ mutationFn: (v: string) => saveCheckinPlan(recipientId, v), onSuccess: refresh, onError: fail });
  return (
    <div data-testid="checkin-links" style={{ marginTop: 16 }}>
      <b>{t('checkins.section')}</b>
      <Space style={{ margin: '8px 0', display: 'flex' }} wrap>
        <span>{t('checkins.window')}</span>
        <Input
          style={{ width: 90 }}
          value={dueBy ?? plan.data?.dueBy ?? ''}
          onChange={(e) => setDueBy(e.target.value)}
          disabled={!roleCan(me.role, 'checkins.write')}
          data-testid="checkin-due-by"
        />
        {dueBy !== null && dueBy !== plan.data?.dueBy && (
          <Button size="small" loading={save.isPending} onClick={() => save.mutate(dueBy)} data-testid="checkin-due-save">
            {t('care.save')}
          </Button>
        )}
      </Space>
      {canManage && (
        <>
          <Space wrap>
            <Select
              value={holder}
              onChange={setHolder}
              style={{ width: 140 }}
              options={[
                { value: 'self', label: t('checkins.holder.self') },
                { value: 'family', label: t('checkins.holder.family') },
              ]}
            />
            {holder === 'family' && (
              <Input placeholder={t('checkins.holderName')} value={holderName} onChange={(e) => setHolderName(e.target.value)} style={{ width: 160 }} />
            )}
            <Button onClick={() => issue.mutate()} loading={issue.isPending} data-testid="checkin-issue">
              {t('checkins.issue')}
            </Button>
          </Space>
          {issued && (
            <Alert
              style={{ marginTop: 8 }}
              type="success"
              data-testid="checkin-issued"
              message={t('checkins.issuedOnce')}
              description={
                <Space align="start">
                  <QRCode value={issued} size={128} />
                  <Typography.Paragraph copyable={{ text: issued }} style={{ wordBreak: 'break-all', maxWidth: 360 }}>
                    {issued}
                  </Typography.Paragraph>
                </Space>
              }
              closable
              onClose={() => setIssued(null)}
            />
          )}
          <List
            size="small"
            dataSource={links.data?.items ?? []}
            renderItem={(l) => (
              <List.Item
                actions={
                  l.revokedAt
                    ? []
                    : [
                        <Button key="revoke" size="small" danger onClick={() => revoke.mutate(l.id)} data-testid={`checkin-revoke-${l.id}`}>
                          {t('checkins.revoke')}
                        </Button>,
                      ]
                }
              >
                <Space wrap>
                  <Tag>{t(l.holder === 'self' ? 'checkins.holder.self' : 'checkins.holder.family')}</Tag>
                  {l.holderName}
                  <span>{t('checkins.issuedAt', { time: formatTime(l.createdAt) })}</span>
                  {l.lastUsedAt && <span>{t('checkins.lastUsed', { time: formatTime(l.lastUsedAt) })}</span>}
                  {l.revokedAt && <Tag color="default">{t('checkins.revoked')}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </div>
  );
}
