import { App, Button, DatePicker, Form, Input, Modal, Select, Space, TimePicker } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { SecretarySession } from '@linli/contracts';
import { beijingDate } from '@linli/contracts/time';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, testIdProps } from '../../components/forms.js';
import { createSession, fetchServingOrganisations, sessionsKeys, updateSession } from './api.js';
import './messages.js';

interface Values {
  title: string;
  heldOn: Dayjs;
  startsAt?: Dayjs | null;
  place: string;
  hostName: string;
  attendees: { organisationId: number; attendeeName: string; attendeeTitle?: string }[];
  otherAttendees?: string;
  notes?: string;
}

/** Creates a session (no `session`) or edits one; closes with the session's id when saved. */
export function SessionForm({ session, onClose }: { session?: SecretarySession; onClose(id?: number): void }) {
  const { t } = useT();
  const { me, communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const cid = session?.communityId ?? communityId;
  const orgs = useQuery({ queryKey: sessionsKeys.organisations(cid), queryFn: () => fetchServingOrganisations(cid) });
  const req = (key: Parameters<typeof t>[0]) => [{ required: true, message: t('sessions.required', { field: t(key) }) }];
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        startsAt: v.startsAt ? v.startsAt.format('HH:mm') : null,
        place: v.place,
        hostName: v.hostName,
        attendees: (v.attendees ?? []).map((a) => ({ organisationId: a.organisationId, attendeeName: a.attendeeName, attendeeTitle: a.attendeeTitle || null })),
        otherAttendees: v.otherAttendees || null,
        notes: v.notes || null,
      };
      return session ? updateSession(session.id, body) : createSession({ ...body, communityId: communityId ?? undefined });
    },
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: sessionsKeys.all });
      onClose(s.id);
    },
    onError: (err) => {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    },
  });
  const initial: Partial<Values> = session
    ? {
        title: session.title,
        heldOn: dayjs(session.heldOn),
        startsAt: session.startsAt ? dayjs(session.startsAt, 'HH:mm') : null,
        place: session.place,
        hostName: session.hostName,
        attendees: session.attendees.map((a) => ({
          organisationId: a.organisationId,
          attendeeName: a.attendeeName,
          attendeeTitle: a.attendeeTitle ?? undefined,
        })),
        otherAttendees: session.otherAttendees ?? undefined,
        notes: session.notes ?? undefined,
      }
    : {
        title: t('sessions.defaultTitle'),
        heldOn: dayjs(beijingDate(Date.now())),
        hostName: me.displayName,
        attendees: [{ organisationId: undefined as never, attendeeName: '' }],
      };
  return (
    <Modal
      open
      width={720}
      title={session ? t('sessions.edit') : t('sessions.new')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('session-save')}
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="session-form">
        <Form.Item name="title" label={t('sessions.sessionTitle')} rules={req('sessions.sessionTitle')}>
          <Input maxLength={80} data-testid="session-title" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="heldOn" label={t('sessions.heldOn')} rules={req('sessions.heldOn')}>
            <DatePicker data-testid="session-held-on" />
          </Form.Item>
          <Form.Item name="startsAt" label={t('sessions.startsAt')}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="hostName" label={t('sessions.host')} rules={req('sessions.host')}>
            <Input maxLength={40} data-testid="session-host" />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('sessions.place')} rules={req('sessions.place')}>
          <Input maxLength={120} data-testid="session-place" />
        </Form.Item>
        <Form.Item label={t('sessions.attendees')} required>
          <Form.List name="attendees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'organisationId']} rules={req('sessions.organisation')}>
                      <Select
                        style={{ width: 240 }}
                        placeholder={t('sessions.organisation')}
                        showSearch
                        optionFilterProp="label"
                        loading={orgs.isLoading}
                        options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
                        data-testid={`attendee-org-${f.name}`}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'attendeeName']} rules={req('sessions.attendeeName')}>
                      <Input placeholder={t('sessions.attendeeName')} maxLength={40} data-testid={`attendee-name-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'attendeeTitle']}>
                      <Input placeholder={t('sessions.attendeeTitle')} maxLength={40} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} data-testid="attendee-add">
                  {t('sessions.addAttendee')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="otherAttendees" label={t('sessions.otherAttendees')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={t('sessions.notes')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
