import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, InputNumber, List, Select, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  careDuties,
  careDutyLabels,
  careFrequencies,
  careFrequencyLabels,
  careHelperKindLabels,
  careHelperKinds,
  careTierLabels,
  careWellbeing,
  careWellbeingLabels,
  roleCan,
  tagLabels,
  type CareRecipientPrivate,
  type CreatePairingInput,
  type CreateVisitInput,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, requiredRule } from '../../components/forms.js';
import { fetchCategories } from '../tickets/api.js';
import { fetchPartnerOptions } from '../partners/api.js';
import {
  careKeys,
  createPairing,
  fetchPairings,
  fetchRecipient,
  fetchRecipientPrivate,
  fetchVisits,
  recordMajorChange,
  recordVisit,
  visitToTicket,
} from './api.js';
import { CheckinLinksSection } from './checkins/index.js';
import './messages.js';

/** One recipient: who they are, the private part on demand (logged), their pairings and visits, and the forms for both. */
export function RecipientDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const r = useQuery({ queryKey: careKeys.recipient(id), queryFn: () => fetchRecipient(id) });
  const pairings = useQuery({ queryKey: careKeys.pairings(id), queryFn: () => fetchPairings(id) });
  const visits = useQuery({ queryKey: careKeys.visits(id), queryFn: () => fetchVisits(id) });
  const canTicket = roleCan(me.role, 'tickets.intake');
  const categories = useQuery({ queryKey: ['care', 'categories', communityId], queryFn: () => fetchCategories(communityId ?? undefined), enabled: canTicket });
  const [secret, setSecret] = useState<CareRecipientPrivate | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: careKeys.all });
  const fail = (e: unknown) => message.error(applyApiError(undefined, e));
  const ticket = useMutation({
    mutationFn: (v: { visitId: number; categoryId: number }) => visitToTicket(v.visitId, v.categoryId),
    onSuccess: refresh,
    onError: fail,
  });
  const change = useMutation({ mutationFn: (note: string) => recordMajorChange(id, note), onSuccess: refresh, onError: fail });
  const time = (s: string | null) => (s ? formatTime(s) : '');
  const c = r.data;
  return (
    <Drawer open width={720} onClose={onClose} title={c ? `${c.residentName} · ${careTierLabels[locale][c.tier]}` : ''} data-testid="care-drawer">
      {c && (
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('care.address')}>{c.address}</Descriptions.Item>
          <Descriptions.Item label={t('care.age')}>{c.age ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('care.tags')}>{c.qualifyingTags.map((x) => tagLabels[locale][x] ?? x).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('care.nextDue')}>
            <span style={c.overdue ? { color: '#cf1322' } : undefined}>{time(c.nextVisitDueAt)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('care.familyName')} span={2}>
            {(secret?.familyContacts ?? c.familyContacts.map((f) => ({ ...f, phone: f.phoneMasked })))
              .map((f) => `${f.name}（${f.relation ?? ''}）${f.phone ?? ''}`)
              .join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('care.carePlan')} span={2}>
            {c.carePlan}
          </Descriptions.Item>
          {c.majorChangeAt && (
            <Descriptions.Item label={t('care.majorChange')} span={2}>
              {time(c.majorChangeAt)} {c.majorChangeNote}
            </Descriptions.Item>
          )}
          {secret && (
            <Descriptions.Item label={t('care.private')} span={2}>
              {secret.healthNotes}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Space style={{ margin: '12px 0' }} wrap>
        {roleCan(me.role, 'care.health') && c?.status === 'active' && !secret && (
          <Button onClick={() => fetchRecipientPrivate(id).then(setSecret, fail)} data-testid="care-show-private">
            {t('care.showPrivate')}
          </Button>
        )}
        {c?.status === 'active' && (
          <Input.Search
            enterButton={t('care.save')}
            placeholder={t('care.majorChangeNote')}
            style={{ width: 420 }}
            onSearch={(v) => v.trim() && change.mutate(v.trim())}
          />
        )}
      </Space>
      {c?.status === 'active' && <CheckinLinksSection recipientId={id} me={me} />}
      <List
        header={<b>{t('care.pairings')}</b>}
        size="small"
        dataSource={pairings.data?.items ?? []}
        renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <Tag>{careHelperKindLabels[locale][p.helperKind]}</Tag>
              {p.helperName}
              {p.partnerName && `（${p.partnerName}）`}
              {p.duties.map((d) => careDutyLabels[locale][d]).join('、')}
              <Tag color="blue">{careFrequencyLabels[locale][p.frequency]}</Tag>
            </Space>
          </List.Item>
        )}
      />
      {roleCan(me.role, 'care.write') && c?.status === 'active' && <PairingForm recipientId={id} onDone={refresh} />}
      <List
        header={<b>{t('care.visits')}</b>}
        size="small"
        dataSource={visits.data?.items ?? []}
        renderItem={(v) => (
          <List.Item
            actions={
              canTicket && v.needs && !v.ticketId
                ? [
                    <Select
                      key="t"
                      placeholder={t('care.toTicket')}
                      style={{ width: 150 }}
                      options={categories.data?.items.map((x) => ({ value: x.id, label: locale === 'en' ? x.nameEn : x.nameZh }))}
                      onChange={(categoryId: number) => ticket.mutate({ visitId: v.id, categoryId })}
                    />,
                  ]
                : v.ticketCode
                  ? [<Tag key="t">{`${t('care.ticket')} ${v.ticketCode}`}</Tag>]
                  : []
            }
          >
            <List.Item.Meta
              title={`${time(v.visitedAt)} · ${v.visitorName ?? ''} · ${careWellbeingLabels[locale][v.wellbeing]}`}
              description={[v.healthFinding, v.homeSafety, v.needs && `${t('care.needs')}：${v.needs}`, v.followUp].filter(Boolean).join('；')}
            />
          </List.Item>
        )}
      />
      {c?.status === 'active' && <VisitForm recipientId={id} onDone={refresh} />}
    </Drawer>
  );
}

function PairingForm({ recipientId, onDone }: { recipientId: number; onDone: () => void }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreatePairingInput>();
  const kind = Form.useWatch('helperKind', form);
  const partners = useQuery({ queryKey: ['care', 'partners', communityId], queryFn: () => fetchPartnerOptions(communityId), enabled: kind === 'doctor' });
  const save = useMutation({
    mutationFn: (v: CreatePairingInput) => createPairing({ ...v, recipientId }),
    onSuccess: () => (form.resetFields(), onDone()),
    onError: (e) => message.error(applyApiError(form, e)),
  });
  return (
    <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)} style={{ margin: '8px 0 16px', rowGap: 8 }} data-testid="care-pairing-form">
      <Form.Item name="helperKind" rules={[requiredRule(t, t('care.helperKind'), 'choose')]}>
        <Select
          placeholder={t('care.helperKind')}
          style={{ width: 120 }}
          options={careHelperKinds.map((k) => ({ value: k, label: careHelperKindLabels[locale][k] }))}
        />
      </Form.Item>
      {kind === 'doctor' ? (
        <>
          <Form.Item name="partnerId" rules={[requiredRule(t, t('care.partner'), 'choose')]}>
            <Select placeholder={t('care.partner')} style={{ width: 160 }} options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="helperName" rules={[requiredRule(t, t('care.helper'))]}>
            <Input placeholder={t('care.helper')} style={{ width: 100 }} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="accountId" rules={[requiredRule(t, t('care.helperAccount'))]}>
          <InputNumber placeholder={t('care.helperAccount')} min={1} style={{ width: 140 }} />
        </Form.Item>
      )}
      <Form.Item name="duties" rules={[requiredRule(t, t('care.duties'), 'choose')]}>
        <Select
          mode="multiple"
          placeholder={t('care.duties')}
          style={{ minWidth: 160 }}
          options={careDuties.map((d) => ({ value: d, label: careDutyLabels[locale][d] }))}
        />
      </Form.Item>
      <Form.Item name="frequency" rules={[requiredRule(t, t('care.frequency'), 'choose')]}>
        <Select
          placeholder={t('care.frequency')}
          style={{ width: 110 }}
          options={careFrequencies.map((f) => ({ value: f, label: careFrequencyLabels[locale][f] }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={save.isPending}>
        {t('care.addPairing')}
      </Button>
    </Form>
  );
}

/** Records a visit: the overall state and what was found; also the phone list's form. */
export function VisitForm({ recipientId, onDone }: { recipientId: number; onDone: () => void }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateVisitInput>();
  const save = useMutation({
    mutationFn: (v: CreateVisitInput) => recordVisit({ ...v, recipientId }),
    onSuccess: () => (message.success(t('care.saved')), form.resetFields(), onDone()),
    onError: (e) => message.error(applyApiError(form, e)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ marginTop: 12 }} data-testid="care-visit-form">
      <b>{t('care.recordVisit')}</b>
      <Form.Item name="wellbeing" label={t('care.wellbeing')} rules={[requiredRule(t, t('care.wellbeing'), 'choose')]}>
        <Select options={careWellbeing.map((w) => ({ value: w, label: careWellbeingLabels[locale][w] }))} />
      </Form.Item>
      <Form.Item name="healthFinding" label={t('care.healthFinding')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="homeSafety" label={t('care.homeSafety')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="needs" label={t('care.needs')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="followUp" label={t('care.followUp')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('care.save')}
      </Button>
    </Form>
  );
}
