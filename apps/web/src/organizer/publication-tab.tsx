import { useState } from 'react';
import { App, Alert, Button, Popconfirm, Skeleton, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { outcomeStatusNames } from '@lvping/domain/decision/outcome-status.ts';
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { publicationApi, type PublicationItem, type PublicationOverview } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { PublicationCorrection } from './publication-correction.tsx';
import { PublicationZip } from './publication-zip.tsx';
import '../i18n/publication.ts';

/** 发布: publish when the outcome allows it, then the certificates (one or all as a ZIP), the exports and corrections. */
export function PublicationTab({ program }: { program: ProgramDetail }) {
  const { t, pick } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const programId = program.id;
  const [load, reload] = useLoad(() => publicationApi.overview(programId), [programId]);
  const [correcting, setCorrecting] = useState<PublicationItem | null>(null);
  const [busy, setBusy] = useState(false);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} onRetry={() => reload()} />;
  const o = load.data;
  const published = o.outcomeStatus === 'published';
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const publish = () => act(async () => {
    const r = await publicationApi.publish(programId);
    message.success(t('pub.published', { awarded: r.awarded, notAwarded: r.notAwarded, certificates: r.certificates }));
    reload();
  });
  return (
    <div data-testid="publication-tab" data-status={o.outcomeStatus}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={published ? 'green' : 'blue'} data-testid="publication-status">{t('pub.status', { status: pick(outcomeStatusNames[o.outcomeStatus]) })}</Tag>
        {o.publishedAt && <Typography.Text type="secondary">{t('pub.publishedAt', { date: formatShanghai(o.publishedAt) })}</Typography.Text>}
      </Space>
      {!published && o.refusal && <Alert type="info" showIcon className="lv-block" title={t('pub.cannotPublish', { reason: pick(o.refusal) })} data-testid="publication-refusal" />}
      {!published && (
        <Popconfirm title={t('pub.publish')} description={<div style={{ maxWidth: 360 }}>{t('pub.publishConfirm')}</div>} onConfirm={publish} okButtonProps={{ 'data-testid': 'publication-publish-confirm' } as ButtonProps}>
          <Button type="primary" icon={<SendOutlined />} disabled={!o.canPublish} loading={busy} data-testid="publication-publish">{t('pub.publish')}</Button>
        </Popconfirm>
      )}
      {published && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <a href={o.resultsPath} target="_blank" rel="noreferrer" data-testid="publication-public-link">{t('pub.publicPage')}</a>
            <Button icon={<DownloadOutlined />} onClick={() => act(() => publicationApi.downloadResultsXlsx(programId))} data-testid="publication-xlsx">{t('pub.exportXlsx')}</Button>
            <Typography.Text type="secondary" data-testid="publication-cert-count">{t('pub.certCount', o.certificates)}</Typography.Text>
          </Space>
          <PublicationZip programId={programId} count={o.certificates.valid} />
        </Space>
      )}
      <Items o={o} published={published} onPdf={(s) => act(() => publicationApi.downloadCertificate(programId, s))} onCorrect={setCorrecting} />
      {o.programAwards.length > 0 && (
        <>
          <Typography.Title level={5}>{t('pub.awardsTitle')}</Typography.Title>
          <ul data-testid="publication-awards">
            {o.programAwards.map((a) => (
              <li key={`${a.awardId}-${a.unitName}`}>
                {a.name}：{a.unitName}{' '}
                {a.serial && <Button size="small" type="link" onClick={() => act(() => publicationApi.downloadCertificate(programId, a.serial!))}>{a.serial}</Button>}
              </li>
            ))}
          </ul>
        </>
      )}
      {o.corrections.length > 0 && (
        <>
          <Typography.Title level={5}>{t('pub.corrections')}</Typography.Title>
          <ul data-testid="publication-corrections">
            {o.corrections.map((c, i) => (
              <li key={i}>{t('pub.correction', { date: formatShanghai(c.at), title: c.title, organization: c.organization, from: c.from?.name ?? t('pub.none'), to: c.to?.name ?? t('pub.none'), reason: c.reason })}（{c.by}）</li>
            ))}
          </ul>
        </>
      )}
      {correcting && <PublicationCorrection programId={programId} item={correcting} tracks={o.tracks} onClose={() => setCorrecting(null)} onDone={() => { setCorrecting(null); reload(); }} />}
    </div>
  );
}

function Items({ o, published, onPdf, onCorrect }: { o: PublicationOverview; published: boolean; onPdf: (serial: string) => void; onCorrect: (i: PublicationItem) => void }) {
  const { t } = useI18n();
  return (
    <Table<PublicationItem>
      style={{ marginTop: 16 }}
      size="small"
      rowKey="applicationId"
      dataSource={o.items}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('pub.noDecisions') }}
      onRow={(r) => ({ 'data-testid': 'publication-row', 'data-number': r.number } as object)}
      columns={[
        { title: t('pub.col.track'), dataIndex: 'trackName' },
        { title: t('pub.col.rank'), dataIndex: 'rank', width: 60 },
        { title: t('pub.col.number'), dataIndex: 'number' },
        { title: t('pub.col.title'), dataIndex: 'title' },
        { title: t('pub.col.org'), dataIndex: 'organization' },
        { title: t('pub.col.score'), dataIndex: 'score', render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
        { title: t('pub.col.tier'), key: 'tier', render: (_, r) => (r.tier ? <Tag color="gold" data-testid="publication-tier">{r.tier.name}</Tag> : <Typography.Text type="secondary">{t('pub.none')}</Typography.Text>) },
        { title: t('pub.col.serial'), key: 'serial', render: (_, r) => (r.serial ? <Button size="small" type="link" onClick={() => onPdf(r.serial!)} data-testid="publication-pdf">{r.serial}</Button> : '—') },
        ...(published ? [{ title: t('pub.col.actions'), key: 'act', render: (_: unknown, r: PublicationItem) => <Button size="small" onClick={() => onCorrect(r)} data-testid="publication-correct">{t('pub.correct')}</Button> }] : []),
      ]}
    />
  );
}
