import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Empty, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { milestoneStateNames } from '@lvping/domain/needs/milestone.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { milestonesApi, type MilestoneView } from './needs.api.ts';
import { errorLine } from './need-shared.tsx';
import '../i18n/needs.ts';

/** /needs/solver/:programId — a funded solver's milestones: upload a report for each, read the scores and comments. */
export default function SolverMilestonesPage() {
  const { programId = '' } = useParams();
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [load, reload] = useLoad(() => milestonesApi.mine(programId), [programId]);
  const [busy, setBusy] = useState<string | null>(null);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('ms.loadFailed')} onRetry={reload} />;
  const upload = async (m: MilestoneView, file: File) => {
    setBusy(m.id);
    try {
      await milestonesApi.upload(programId, m.id, file);
      message.success(t('ms.uploaded'));
      reload();
    } catch (e) {
      message.error(errorLine(e, lang));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card className="lv-block" title={t('ms.mineTitle')} data-testid="solver-milestones">
      {load.data.items.length === 0 && <Empty description={t('ms.mineNone')} />}
      {load.data.items.map((s) => (
        <div key={s.applicationId} style={{ marginBottom: 24 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{s.trackName}</Typography.Text>
            <Typography.Text type="secondary">{s.number} · {s.title}</Typography.Text>
            <Tag>{t('ms.average')} {s.averageScore ?? '—'}</Tag>
          </Space>
          <Table<MilestoneView> size="small" rowKey="id" pagination={false} dataSource={s.milestones}
            columns={[
              { key: 'name', title: t('ms.milestone'), render: (_, m) => `${m.seq}. ${m.name}` },
              { key: 'due', title: t('ms.dueOn'), dataIndex: 'dueOn' },
              { key: 'state', title: t('ms.state'), render: (_, m) => <Tag data-testid={`solver-state-${m.id}`}>{pick(milestoneStateNames[m.state])}</Tag> },
              { key: 'reports', title: t('ms.reports'), render: (_, m) => <Space direction="vertical" size={0}>{m.reports.map((r) => <a key={r.id} href={milestonesApi.reportUrl(programId, m.id, r.id)}>{r.name}</a>)}</Space> },
              { key: 'scores', title: t('ms.score'), render: (_, m) => <Space direction="vertical" size={0}>{m.scores.map((x, i) => <span key={i}>{x.score}：{x.comment}</span>)}</Space> },
              { key: 'upload', title: '', render: (_, m) => (
                <Upload showUploadList={false} beforeUpload={(file) => { void upload(m, file); return false; }}>
                  <Button size="small" icon={<UploadOutlined />} loading={busy === m.id} data-testid={`solver-upload-${m.id}`}>{t('ms.upload')}</Button>
                </Upload>
              ) },
            ]} />
        </div>
      ))}
    </Card>
  );
}
