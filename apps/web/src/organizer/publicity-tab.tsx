import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Skeleton, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { objectionStatusNames } from '@lvping/domain/publicity/objection.schema.ts';
import { outcomeStatusNames } from '@lvping/domain/decision/outcome-status.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { publicityApi, type AdminPublicity, type ObjectionSummary, type PublicityOpening } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatDateTime, formatEnd, formatStart } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { ObjectionDrawer } from './publicity-objection-drawer.tsx';
import '../i18n/publicity.ts';

/** 公示与异议: open a results or candidates 公示 (its computed end shown first), its list, the objections and their handling, closing, the notice and list downloads. */
export function PublicityTab({ program }: { program: ProgramDetail }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [load, reload] = useLoad(() => Promise.all([publicityApi.overview(program.id), publicityApi.objections(program.id)]), [program.id]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('pubt.loadFailed')} onRetry={reload} />;
  const [overview, { items: objections }] = load.data;

  const act = async (key: string, run: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await run();
      reload();
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(null);
    }
  };

  const opening = (o: PublicityOpening) => {
    const kind = t(`pub.kind.${o.kind}`);
    if (!o.configured) return null;
    if (!o.allowed) return <Typography.Text key={o.kind} type="secondary" data-testid={`open-${o.kind}-refused`}>{t('pubt.cannotOpen', { kind, reason: o.reason ? pick(o.reason) : '' })}</Typography.Text>;
    const end = o.endsAt ? formatEnd(o.endsAt) : '';
    return (
      <Space key={o.kind} wrap>
        <Popconfirm title={t('pubt.openConfirm', { end })} onConfirm={() => act(`open-${o.kind}`, () => publicityApi.open(program.id, o.kind))} okButtonProps={{ 'data-testid': `open-${o.kind}-confirm` } as ButtonProps}>
          <Button type="primary" loading={busy === `open-${o.kind}`} data-testid={`open-${o.kind}`}>{t('pubt.open', { kind })}</Button>
        </Popconfirm>
        <Typography.Text data-testid={`open-${o.kind}-end`}>{t('pubt.openHint', { n: o.items, days: o.workingDays ?? 0, end })}</Typography.Text>
        {o.provisional && <Tag color="orange">{t('hol.provisional')}</Tag>}
      </Space>
    );
  };

  const objectionColumns = [
    { key: 'receipt', title: t('pubt.col.receipt'), render: (o: ObjectionSummary) => <Typography.Text code data-testid="objection-receipt-no">{o.receiptNo}</Typography.Text> },
    { key: 'objector', title: t('pubt.col.objector'), render: (o: ObjectionSummary) => `${o.name}（${o.organization}）` },
    { key: 'project', title: t('pubt.col.project'), render: (o: ObjectionSummary) => `${o.applicationNumber} ${o.applicationTitle}` },
    { key: 'status', title: t('pubt.col.status'), render: (o: ObjectionSummary) => <Tag data-testid="objection-status" data-status={o.status}>{pick(objectionStatusNames[o.status])}</Tag> },
    { key: 'filed', title: t('pubt.col.filedAt'), render: (o: ObjectionSummary) => formatDateTime(o.createdAt) },
    { key: 'view', title: '', render: (o: ObjectionSummary) => <Button size="small" onClick={() => setOpenId(o.id)} data-testid={`objection-view-${o.receiptNo}`}>{t('pubt.view')}</Button> },
  ];

  const publicityCard = (p: AdminPublicity) => (
    <Card key={p.id} size="small" className="lv-block" data-testid={`admin-publicity-${p.kind}`}
      title={<Space><span>{p.title}</span><Tag data-testid="admin-publicity-state">{t(`pub.state.${p.state}`)}</Tag></Space>}
      extra={<Space wrap>
        <DownloadButton size="small" href={publicityApi.noticePdf(p.id)} filename={`${p.title}.pdf`} data-testid="admin-publicity-pdf">PDF</DownloadButton>
        <DownloadButton size="small" href={publicityApi.listXlsx(p.id)} filename={`${p.title}名单.xlsx`} data-testid="admin-publicity-xlsx">Excel</DownloadButton>
        {p.state !== 'closed' && (
          <Popconfirm title={t('pubt.closeConfirm')} onConfirm={() => act(`close-${p.id}`, () => publicityApi.close(program.id, p.id))} okButtonProps={{ 'data-testid': 'close-publicity-confirm' } as ButtonProps}>
            <Button size="small" danger loading={busy === `close-${p.id}`} data-testid="close-publicity">{t('pubt.close')}</Button>
          </Popconfirm>
        )}
      </Space>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('pub.period', { start: formatStart(p.startsAt), end: formatEnd(p.endsAt) })}</Typography.Text>
        {p.openObjections > 0 && <Tag color="red">{t('pubt.openObjections', { n: p.openObjections })}</Tag>}
        <Table size="small" rowKey="applicationId" pagination={false} scroll={{ x: true }} dataSource={p.items}
          columns={[
            { key: 'n', title: t('pub.col.number'), dataIndex: 'number' },
            { key: 'title', title: t('pub.col.title'), render: (i: AdminPublicity['items'][number]) => (i.removedAt ? <Typography.Text delete>{i.title}</Typography.Text> : i.title) },
            { key: 'org', title: t('pub.col.organization'), dataIndex: 'organization' },
            { key: 'track', title: t('pub.col.track'), dataIndex: 'trackName' },
            { key: 'tier', title: t('pub.col.tier'), render: (i: AdminPublicity['items'][number]) => i.tierName ?? '' },
            { key: 'unit', title: t('pub.col.unit'), render: (i: AdminPublicity['items'][number]) => i.unit ?? '' },
            { key: 'obj', title: t('pubt.col.objections'), dataIndex: 'objections' },
            { key: 'removed', title: '', render: (i: AdminPublicity['items'][number]) => (i.removedAt ? <Tag color="red">{t('pubt.removed')}</Tag> : null) },
          ]} />
        <Typography.Title level={5}>{t('pubt.objections')}</Typography.Title>
        {objections.some((o) => o.publicityId === p.id)
          ? <Table size="small" rowKey="id" pagination={false} scroll={{ x: true }} dataSource={objections.filter((o) => o.publicityId === p.id)} columns={objectionColumns} data-testid="objections-table" />
          : <Empty description={t('pubt.noObjections')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Space>
    </Card>
  );

  return (
    <div data-testid="publicity-tab">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text data-testid="outcome-status">{t('pubt.outcome', { status: pick(outcomeStatusNames[overview.outcomeStatus]) })}</Typography.Text>
        {overview.openings.map(opening)}
        {overview.publicities.map(publicityCard)}
      </Space>
      {openId && <ObjectionDrawer program={program} objectionId={openId} trackId={trackOfObjection(overview.publicities, objections, openId)} onClose={() => setOpenId(null)} onChanged={reload} />}
    </div>
  );
}

/** The track of the application an objection is about, from the 公示 it was filed against. */
function trackOfObjection(publicities: AdminPublicity[], objections: ObjectionSummary[], objectionId: string): string | undefined {
  const o = objections.find((x) => x.id === objectionId);
  return publicities.find((p) => p.id === o?.publicityId)?.items.find((i) => i.applicationId === o?.applicationId)?.trackId;
}
