import { useEffect, useState } from 'react';
import { Alert, Button, Card, Progress, Result, Space, Steps, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { fieldNames, formatFieldIssue, importFailureReasons, type ImportJob, type ImportRowError } from '@linli/contracts';
import { ApiError, apiUrl } from '../../lib/api.js';
import { commitImport, discardImport, fetchImport, uploadRoster } from './api.js';
import { useT } from '../../lib/i18n.js';
import { useSession } from '../../lib/session.js';
import { TagDictionaryCard } from './tag-dictionary.js';

export function ImportPage() {
  const { t, locale } = useT();
  const { communityId } = useSession();
  const qc = useQueryClient();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState('');

  // Poll while the server imports; the bar follows processedRows.
  useEffect(() => {
    if (job?.status !== 'importing') return;
    const timer = setInterval(async () => {
      const next = await fetchImport(job.id);
      setJob(next);
      if (next.status === 'done') void qc.invalidateQueries();
    }, 500);
    return () => clearInterval(timer);
  }, [job?.id, job?.status, qc]);

  const upload = async (file: File) => {
    setUploading(true);
    setError('');
    try {
      setJob(await uploadRoster(communityId, file));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setUploading(false);
    }
    return false;
  };
  const act = async (what: 'commit' | 'discard') => {
    try {
      setJob(await (what === 'commit' ? commitImport : discardImport)(job!.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  const step = !job ? 1 : job.status === 'ready' ? 2 : 3;
  const counts = job && { created: job.createdRows, updated: job.updatedRows, unchanged: job.unchangedRows };
  const failure = job?.failureReason ? (importFailureReasons[locale] as Record<string, string>)[job.failureReason] : undefined;
  const errorsLink = job && job.errorRows > 0 && (
    <Button icon={<DownloadOutlined />} href={apiUrl('/api/imports/{id}/errors.xlsx', { id: job.id })} data-testid="import-error-rows">
      {t('import.downloadErrors')}
    </Button>
  );
  return (
    <>
      <Card title={t('import.title')} data-testid="import-page">
        <Steps
          current={step - 1}
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.step1') }, { title: t('import.step2') }, { title: t('import.done', { n: '' }).replace(/[:：].*$/, '') }]}
        />
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} data-testid="import-error" showIcon />}
        {!job && (
          <Space direction="vertical" size="large">
            <Button icon={<DownloadOutlined />} href={apiUrl('/api/residents/import/template', {}, { communityId })} data-testid="download-template">
              {t('import.download')}
            </Button>
            <Upload accept=".xlsx" showUploadList={false} beforeUpload={upload} data-testid="upload">
              <Button type="primary" icon={<UploadOutlined />} loading={uploading} data-testid="upload-button">
                {uploading ? t('import.checking') : t('import.upload')}
              </Button>
            </Upload>
          </Space>
        )}
        {job?.status === 'ready' && (
          <>
            <Alert
              type={job.errorRows ? 'warning' : 'success'}
              showIcon
              data-testid="import-summary"
              message={t('import.summary', { total: job.totalRows, valid: job.validRows, errors: job.errorRows })}
              description={t('import.plan', counts!)}
              style={{ marginBottom: 16 }}
            />
            {job.errors.length > 0 && (
              <Table<ImportRowError & { key: string }>
                size="small"
                data-testid="import-errors"
                dataSource={job.errors.map((e, i) => ({ ...e, key: `${e.row}-${e.field}-${i}` }))}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 80 },
                  { title: t('import.field'), dataIndex: 'field', width: 120, render: (_v, e) => fieldNames[locale][e.field] ?? e.field },
                  { title: t('import.value'), dataIndex: 'value', width: 180 },
                  { title: t('import.reason'), render: (_v, e) => formatFieldIssue(locale, e) },
                ]}
              />
            )}
            <Space style={{ marginTop: 16 }} wrap>
              {errorsLink}
              <Button type="primary" disabled={job.validRows === 0} onClick={() => act('commit')} data-testid="import-commit">
                {job.errorRows ? t('import.commit', { n: job.validRows }) : t('import.commitAll', { n: job.validRows })}
              </Button>
              <Button onClick={() => act('discard')} data-testid="import-discard">
                {t('import.discard')}
              </Button>
            </Space>
          </>
        )}
        {job?.status === 'importing' && (
          <div data-testid="import-progress">
            <p>{t('import.importing')}</p>
            <Progress percent={Math.round((job.processedRows / Math.max(1, job.validRows)) * 100)} />
          </div>
        )}
        {job && ['done', 'discarded', 'failed'].includes(job.status) && (
          <Result
            data-testid="import-result"
            status={job.status === 'done' ? 'success' : job.status === 'failed' ? 'error' : 'info'}
            title={
              job.status === 'done'
                ? t('import.doneCounts', counts!)
                : job.status === 'failed'
                  ? failure
                    ? t('import.failedWhy', { reason: failure })
                    : t('import.failed')
                  : t('import.discarded')
            }
            extra={
              <Space wrap>
                {job.status === 'done' && errorsLink}
                <Button onClick={() => setJob(null)}>{t('import.again')}</Button>
              </Space>
            }
          />
        )}
      </Card>
      <TagDictionaryCard />
    </>
  );
}
