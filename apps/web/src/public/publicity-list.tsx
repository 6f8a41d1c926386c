import type { HTMLAttributes, ReactNode } from 'react';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { publicityApi, type PublicPublicity } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatEnd, formatStart } from '../shell/shanghai.ts';

const stateColor = { open: 'green', ended: 'orange', closed: 'default' } as const;

/** One 公示 as the public reads it: title, period with the exact end, the list (only the columns the program shows), how to object. */
export function PublicityNotice({ p, children }: { p: PublicPublicity; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const how = (lang === 'en' ? p.howToObjectEn ?? p.howToObject : p.howToObject) ?? t('pub.howDefault');
  const columns = [
    { key: 'number', title: t('pub.col.number'), dataIndex: 'number', width: 170 },
    ...p.columns.map((c) => ({ key: c, title: t(`pub.col.${c}`), dataIndex: c })),
  ];
  return (
    <Card className="lv-block" data-testid={`publicity-${p.kind}`} title={<span data-testid="publicity-title">{p.title}</span>}
      extra={<Tag color={stateColor[p.state]} data-testid="publicity-state">{t(`pub.state.${p.state}`)}</Tag>}>
      <Space direction="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Text data-testid="publicity-period">{t('pub.period', { start: formatStart(p.startsAt), end: formatEnd(p.endsAt) })}</Typography.Text>
        <Typography.Text strong data-testid="publicity-ends-at">{t('pub.endsAt', { end: formatEnd(p.endsAt) })}</Typography.Text>
        <Typography.Text type="secondary">{t('pub.workingDays', { n: p.workingDays })}</Typography.Text>
        {p.provisional && <Alert type="warning" showIcon title={t('pub.provisional')} />}
        <Table size="small" rowKey="applicationId" pagination={false} scroll={{ x: true }} columns={columns} dataSource={p.items} data-testid="publicity-items"
          onRow={(r) => ({ 'data-testid': `publicity-item-${r.number}` }) as HTMLAttributes<HTMLElement>} />
        <Typography.Title level={5}>{t('pub.howToObject')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="publicity-how">{how}</Typography.Paragraph>
        {p.contacts.map((c) => (
          <Typography.Text key={`${c.role}${c.name}`}>{c.role}：{c.name} {c.phone ?? ''} {c.email ?? ''}</Typography.Text>
        ))}
        <Typography.Text type="secondary">{t('pub.issuers', { names: p.issuers.join('、') })}</Typography.Text>
        <Space wrap>
          <DownloadButton href={publicityApi.noticePdf(p.id)} filename={`${p.title}.pdf`} data-testid="publicity-pdf">{t('pub.downloadPdf')}</DownloadButton>
          <DownloadButton href={publicityApi.listXlsx(p.id)} filename={`${p.title}名单.xlsx`} data-testid="publicity-xlsx">{t('pub.downloadXlsx')}</DownloadButton>
          {children}
        </Space>
      </Space>
    </Card>
  );
}
