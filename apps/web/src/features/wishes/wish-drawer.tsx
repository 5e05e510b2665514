import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Select, Space, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  roleCan,
  wishCategories,
  wishCategoryLabels,
  wishClaimantKindLabels,
  wishClaimantKinds,
  wishEventLabels,
  wishSourceLabels,
  wishStatusLabels,
  type WishStatus,
} from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { formatTime } from '../../lib/time.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { fetchWish, confirmWish, publishWish, recordWish, recordWishClaim, sendBackWish, wishesKeys, wishPhotoUrl, withdrawWish, fulfilWish } from './api.js';
import './messages.js';

type Action = 'publish' | 'sendBack' | 'withdraw' | 'recordClaim' | 'fulfil' | 'confirm';
/** Which staff actions each state offers (the server checks again: wish-state.ts). */
const offered: Record<WishStatus, Action[]> = {
  draft: ['publish', 'sendBack', 'withdraw'],
  published: ['recordClaim', 'withdraw'],
  claimed: ['recordClaim', 'fulfil', 'withdraw'],
  fulfilled: ['confirm'],
  confirmed: [],
  withdrawn: [],
  expired: [],
};
const colors: Record<WishStatus, string> = {
  draft: 'gold',
  published: 'blue',
  claimed: 'cyan',
  fulfilled: 'green',
  confirmed: 'success',
  withdrawn: 'default',
  expired: 'default',
};

/** One wish: what was wished, by whom (masked phone), its claims, timeline and photos, and the staff's next steps. */
export function WishDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t, locale } = useT();
  const { me } = useSession();
  const [acting, setActing] = useState<Action | null>(null);
  const q = useQuery({ queryKey: wishesKeys.detail(id), queryFn: () => fetchWish(id) });
  const w = q.data;
  const actions = w && roleCan(me.role, 'wishes.write') ? offered[w.status] : [];
  const actor = (e: NonNullable<typeof w>['events'][number]) =>
    e.actorName ?? (e.actorLabel === 'resident' ? t('wish.actor.resident') : e.actorLabel === 'system' ? t('wish.resident.system') : '');
  return (
    <Drawer open width={560} onClose={onClose} title={w ? `${t('wish.title')} #${w.id}` : t('wish.title')} data-testid="wish-drawer">
      {w && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={colors[w.status]} data-testid="wish-status">
              {wishStatusLabels[locale][w.status]}
            </Tag>
            {actions.map((a) => (
              <Button key={a} size="small" type={a === 'publish' ? 'primary' : 'default'} onClick={() => setActing(a)} data-testid={`wish-${a}`}>
                {t(`wish.${a}`)}
              </Button>
            ))}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('wish.text')}>{w.text}</Descriptions.Item>
            <Descriptions.Item label={t('wish.resident')}>
              {w.residentName} {w.residentPhoneMasked ?? ''}（{t('wish.initial')} {w.publicInitial}）
            </Descriptions.Item>
            <Descriptions.Item label={t('wish.compound')}>{w.compoundName ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('wish.source')}>{wishSourceLabels[locale][w.source]}</Descriptions.Item>
            <Descriptions.Item label={t('wish.category')}>{w.category ? wishCategoryLabels[locale][w.category] : ''}</Descriptions.Item>
            <Descriptions.Item label={t('wish.value')}>{w.value ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('wish.dueOn')}>{w.dueOn ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('wish.shared')}>{w.shared ? '✓' : ''}</Descriptions.Item>
            <Descriptions.Item label={t('wish.claims')}>
              {w.claims.length === 0
                ? t('wish.none')
                : w.claims.map((c) => (
                    <div key={c.id}>
                      {c.claimantName}（{wishClaimantKindLabels[locale][c.claimantKind]}）{c.shareNote ? `：${c.shareNote}` : ''}
                      {c.shareValue !== null ? ` · ${c.shareValue}` : ''}
                    </div>
                  ))}
            </Descriptions.Item>
            {w.resultNote && <Descriptions.Item label={t('wish.result')}>{w.resultNote}</Descriptions.Item>}
            {w.thanks && <Descriptions.Item label={t('wish.thanks')}>{w.thanks}</Descriptions.Item>}
          </Descriptions>
          {w.photoIds.length > 0 && (
            <Space wrap style={{ marginTop: 12 }}>
              {w.photoIds.map((p) => (
                <img key={p} src={wishPhotoUrl(w.id, p)} alt="" style={{ height: 96 }} />
              ))}
            </Space>
          )}
          <h4 style={{ marginTop: 16 }}>{t('wish.timeline')}</h4>
          <Timeline
            items={w.events.map((e) => ({
              children: (
                <span>
                  {formatTime(e.createdAt)} {wishEventLabels[locale][e.action]} {actor(e)}
                  {e.note ? `：${e.action === 'reminded' ? '' : e.note}` : ''}
                </span>
              ),
            }))}
          />
        </>
      )}
      {acting && w && <ActionDialog id={w.id} action={acting} shared={w.shared} onClose={() => setActing(null)} />}
    </Drawer>
  );
}

type Values = {
  reason?: string;
  shared?: boolean;
  dueOn?: Dayjs;
  claimantKind?: (typeof wishClaimantKinds)[number];
  claimantName?: string;
  shareNote?: string;
  shareValue?: number;
  note?: string;
  thanks?: string;
};

function useSend(send: (v: Values) => Promise<unknown>, form: ReturnType<typeof Form.useForm>[0], onDone: () => void, labels: Record<string, string>) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: wishesKeys.all });
      onDone();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
}

/** One staff step, with the fields it needs. */
function ActionDialog({ id, action, onClose }: { id: number; action: Action; shared: boolean; onClose(): void }) {
  const { t, locale } = useT();
  const [form] = Form.useForm();
  const labels = {
    reason: t('wish.reason'),
    dueOn: t('wish.dueOn'),
    claimantName: t('wish.claimantName'),
    shareValue: t('wish.shareValue'),
    note: t('wish.result'),
    thanks: t('wish.thanks'),
  };
  const run = useSend(
    (v) => {
      switch (action) {
        case 'publish':
          return publishWish(id, { shared: !!v.shared, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null });
        case 'sendBack':
          return sendBackWish(id, v.reason ?? '');
        case 'withdraw':
          return withdrawWish(id, v.reason ?? '');
        case 'recordClaim':
          return recordWishClaim(id, {
            claimantKind: v.claimantKind!,
            claimantName: v.claimantName ?? '',
            shareNote: v.shareNote || null,
            shareValue: v.shareValue ?? null,
          });
        case 'fulfil':
          return fulfilWish(id, v.note ?? '');
        case 'confirm':
          return confirmWish(id, v.thanks || null);
      }
    },
    form,
    onClose,
    labels,
  );
  return (
    <Modal
      open
      title={t(`wish.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('wish-action-ok')}
    >
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
        {action === 'publish' && (
          <>
            <Form.Item name="shared" valuePropName="checked" extra={t('wish.sharedHint')}>
              <Checkbox data-testid="wish-shared">{t('wish.shared')}</Checkbox>
            </Form.Item>
            <Form.Item name="dueOn" label={labels.dueOn}>
              <DatePicker data-testid="wish-due-on" />
            </Form.Item>
          </>
        )}
        {(action === 'sendBack' || action === 'withdraw') && (
          <Form.Item name="reason" label={labels.reason} rules={[requiredRule(t, labels.reason)]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="wish-reason" />
          </Form.Item>
        )}
        {action === 'recordClaim' && (
          <>
            <Form.Item name="claimantKind" label={t('wish.claimantKind')} rules={[requiredRule(t, t('wish.claimantKind'), 'choose')]}>
              <Select options={wishClaimantKinds.map((k) => ({ value: k, label: wishClaimantKindLabels[locale][k] }))} />
            </Form.Item>
            <Form.Item name="claimantName" label={labels.claimantName} rules={[requiredRule(t, labels.claimantName)]}>
              <Input maxLength={80} />
            </Form.Item>
            <Form.Item name="shareNote" label={t('wish.shareNote')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="shareValue" label={labels.shareValue}>
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </>
        )}
        {action === 'fulfil' && (
          <Form.Item name="note" label={labels.note} rules={[requiredRule(t, labels.note)]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'confirm' && (
          <Form.Item name="thanks" label={labels.thanks}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** A wish recorded for a resident by a grid worker, building head, staff or at a meeting: a draft for the staff check. */
export function RecordWishDialog({ onClose }: { onClose(): void }) {
  const { t, locale } = useT();
  const { me, communityId } = useSession();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const labels = {
    residentName: t('wish.resident'),
    residentPhone: t('wish.phone'),
    text: t('wish.text'),
    value: t('wish.value'),
    source: t('wish.source'),
    meetingTitle: t('wish.meetingTitle'),
  };
  const defaultSource = me.role === 'grid_worker' ? 'grid_worker' : me.role === 'building_head' ? 'building_head' : 'staff';
  const run = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      recordWish({
        communityId: communityId ?? undefined,
        source: v.source as never,
        residentName: String(v.residentName ?? ''),
        residentPhone: (v.residentPhone as string) || null,
        text: String(v.text ?? ''),
        category: (v.category as never) ?? null,
        value: (v.value as number | undefined) ?? null,
        meetingTitle: (v.meetingTitle as string) || null,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: wishesKeys.all });
      onClose();
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  return (
    <Modal
      open
      title={t('wish.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('wish-record-ok')}
    >
      <Form form={form} layout="vertical" initialValues={{ source: defaultSource }} onFinish={(v) => run.mutate(v)} onValuesChange={clearErrorsOnChange(form)}>
        <Form.Item name="source" label={labels.source} rules={[requiredRule(t, labels.source, 'choose')]}>
          <Select options={(['grid_worker', 'building_head', 'meeting', 'staff'] as const).map((s) => ({ value: s, label: wishSourceLabels[locale][s] }))} />
        </Form.Item>
        <Form.Item name="meetingTitle" label={labels.meetingTitle}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="residentName" label={labels.residentName} rules={[requiredRule(t, labels.residentName)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="residentPhone" label={labels.residentPhone}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="text" label={labels.text} rules={[requiredRule(t, labels.text)]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="category" label={t('wish.category')}>
          <Select allowClear options={wishCategories.map((c) => ({ value: c, label: wishCategoryLabels[locale][c] }))} />
        </Form.Item>
        <Form.Item name="value" label={labels.value}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
