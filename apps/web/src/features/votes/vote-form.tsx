import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { voteEligibilities, voteEligibilityLabels, voteMatterLabels, voteMatters, type VoteEligibility, type VoteMatter } from '@linli/contracts';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { applyApiError, clearErrorsOnChange, requiredRule, testIdProps } from '../../components/forms.js';
import { CompoundSelect } from '../places/pickers.js';
import { conventionsKeys, createVote, fetchConvention, fetchConventions, putVersionToVote, votesKeys } from './api.js';
import { fractionPresets, type FractionPreset } from './fractions.js';
import './messages.js';

/** What a new vote may start from: a meeting's topic that went to a vote, or a convention's proposed version. */
export interface VoteDraft {
  topicId?: number;
  title?: string;
  compoundId?: number | null;
  conventionId?: number;
}

type Values = {
  title: string;
  body?: string;
  matter: VoteMatter;
  eligibility: VoteEligibility;
  compoundId?: number | null;
  conventionId?: number;
  quorum: FractionPreset;
  threshold: FractionPreset;
  opensAt: Dayjs;
  closesAt: Dayjs;
  publicityDays: number;
};

/** A picked time read as Beijing wall time (the communities' zone), whatever the browser's zone. */
const beijingIso = (d: Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;

/** The form of a new vote: the question, who votes, the rule (art. 278 for owners' ordinary and major matters), the period. */
export function VoteFormDialog({ draft, onClose, onCreated }: { draft: VoteDraft; onClose(): void; onCreated(id: number): void }) {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const matter = Form.useWatch('matter', form);
  const eligibility = Form.useWatch('eligibility', form);
  const statutory = eligibility === 'owners' && (matter === 'ordinary' || matter === 'major');
  const conventions = useQuery({ queryKey: conventionsKeys.list(communityId), queryFn: () => fetchConventions(communityId) });
  const labels = {
    title: t('vote.name'),
    matter: t('vote.matter'),
    eligibility: t('vote.eligibility'),
    opensAt: t('vote.opensAt'),
    closesAt: t('vote.closesAt'),
    publicityDays: t('vote.publicityDays'),
    quorum: t('vote.quorum'),
    threshold: t('vote.threshold'),
  };
  const run = useMutation({
    mutationFn: async (v: Values) => {
      const rule = statutory ? {} : { quorum: fractionPresets[v.quorum], threshold: fractionPresets[v.threshold] };
      const common = {
        matter: v.matter,
        eligibility: v.eligibility,
        topicId: draft.topicId ?? null,
        opensAt: beijingIso(v.opensAt),
        closesAt: beijingIso(v.closesAt),
        publicityDays: v.publicityDays,
        ...rule,
      };
      if (v.conventionId) {
        // The convention's latest proposed version goes to the vote; its compound is the convention's.
        const c = await fetchConvention(v.conventionId);
        const version = [...c.versions].reverse().find((x) => x.status === 'proposed');
        if (!version) throw new Error(t('conv.noCurrent'));
        return (await putVersionToVote(c.id, version.id, { ...common, title: v.title })).voteId;
      }
      const created = await createVote({
        ...common,
        title: v.title,
        body: v.body || undefined,
        compoundId: v.compoundId ?? null,
        communityId: communityId ?? undefined,
      });
      return created.id;
    },
    onSuccess: (id) => {
      void qc.invalidateQueries({ queryKey: votesKeys.all });
      void qc.invalidateQueries({ queryKey: conventionsKeys.all });
      onCreated(id);
    },
    onError: (err) => {
      const rest = applyApiError(form, err, labels);
      if (rest) message.error(rest);
    },
  });
  const presetOptions = (keys: FractionPreset[]) => keys.map((k) => ({ value: k, label: t(`vote.frac.${k}`) }));
  return (
    <Modal
      open
      width={640}
      title={t('vote.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={testIdProps('vote-form-ok')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        onValuesChange={clearErrorsOnChange(form)}
        initialValues={{
          title: draft.title ?? '',
          matter: 'ordinary',
          eligibility: 'owners',
          compoundId: draft.compoundId ?? null,
          conventionId: draft.conventionId,
          quorum: 'half',
          threshold: 'half',
          opensAt: dayjs(),
          closesAt: dayjs().add(7, 'day').hour(20).minute(0),
          publicityDays: 7,
        }}
        data-testid="vote-form"
      >
        {draft.topicId && <p className="muted">{t('vote.fromTopic')}</p>}
        <Form.Item name="title" label={labels.title} rules={[requiredRule(t, labels.title)]}>
          <Input maxLength={120} data-testid="vote-title" />
        </Form.Item>
        <Form.Item name="body" label={t('vote.body')}>
          <Input.TextArea rows={3} maxLength={5000} data-testid="vote-body" />
        </Form.Item>
        <Form.Item name="eligibility" label={labels.eligibility} rules={[requiredRule(t, labels.eligibility, 'choose')]}>
          <Select options={voteEligibilities.map((e) => ({ value: e, label: voteEligibilityLabels[locale][e] }))} data-testid="vote-eligibility" />
        </Form.Item>
        <Form.Item name="matter" label={labels.matter} rules={[requiredRule(t, labels.matter, 'choose')]}>
          <Select options={voteMatters.map((m) => ({ value: m, label: voteMatterLabels[locale][m] }))} data-testid="vote-matter" />
        </Form.Item>
        {statutory ? (
          <p data-testid="vote-statutory">
            {t('vote.statutory')}
            {t(matter === 'major' ? 'vote.statutoryMajor' : 'vote.statutoryOrdinary')}
          </p>
        ) : (
          <>
            <p className="muted">{t('vote.ownRule')}</p>
            <Form.Item name="quorum" label={labels.quorum}>
              <Select options={presetOptions(['any', 'half', 'twoThirds', 'threeQuarters'])} data-testid="vote-quorum" />
            </Form.Item>
            <Form.Item name="threshold" label={labels.threshold}>
              <Select options={presetOptions(['half', 'twoThirds', 'threeQuarters'])} data-testid="vote-threshold" />
            </Form.Item>
          </>
        )}
        <Form.Item name="conventionId" label={t('vote.convention')}>
          <Select
            allowClear
            placeholder={t('vote.conventionNone')}
            options={conventions.data?.items.map((c) => ({ value: c.id, label: c.compoundName ? `${c.title}（${c.compoundName}）` : c.title }))}
            data-testid="vote-convention"
          />
        </Form.Item>
        <Form.Item name="compoundId" label={t('vote.compound')} extra={t('vote.compoundHint')}>
          <CompoundSelect />
        </Form.Item>
        <Form.Item name="opensAt" label={labels.opensAt} rules={[requiredRule(t, labels.opensAt, 'choose')]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="vote-opens" />
        </Form.Item>
        <Form.Item name="closesAt" label={labels.closesAt} rules={[requiredRule(t, labels.closesAt, 'choose')]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="vote-closes" />
        </Form.Item>
        <Form.Item name="publicityDays" label={labels.publicityDays} rules={[requiredRule(t, labels.publicityDays)]}>
          <InputNumber min={1} max={90} data-testid="vote-publicity-days" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
