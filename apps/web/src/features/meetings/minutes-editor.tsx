import { App, Button, Form, Input, InputNumber, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.js';
import { applyApiError } from '../../components/forms.js';
import { meetingsKeys, saveMinutes, type MeetingView } from './api.js';
import './messages.js';

/** The minutes of a held meeting, with the recorder and walk-in count; read-only once closed. */
export function MinutesEditor({ m, editable }: { m: MeetingView; editable: boolean }) {
  const { t } = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ minutes: string; recorderName?: string; walkInCount?: number }>();
  const run = useMutation({
    mutationFn: (v: { minutes: string; recorderName?: string; walkInCount?: number }) =>
      saveMinutes(m.id, { minutes: v.minutes ?? '', recorderName: v.recorderName || null, walkInCount: v.walkInCount }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: meetingsKeys.all }),
    onError: (err) => {
      const rest = applyApiError(form, err, { minutes: t('meeting.minutes') });
      if (rest) message.error(rest);
    },
  });
  if (!editable) return <div style={{ whiteSpace: 'pre-wrap' }}>{m.minutes}</div>;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ minutes: m.minutes ?? '', recorderName: m.recorderName ?? '', walkInCount: m.walkInCount }}
      onFinish={(v) => run.mutate(v)}
    >
      <Form.Item name="minutes">
        <Input.TextArea rows={6} maxLength={20000} data-testid="meeting-minutes" />
      </Form.Item>
      <Space>
        <Form.Item name="recorderName" label={t('meeting.recorder')}>
          <Input maxLength={40} data-testid="meeting-recorder" />
        </Form.Item>
        <Form.Item name="walkInCount" label={t('meeting.walkIns')}>
          <InputNumber min={0} />
        </Form.Item>
        <Button htmlType="submit" loading={run.isPending} data-testid="meeting-save-minutes">
          {t('meeting.saveMinutes')}
        </Button>
      </Space>
    </Form>
  );
}
