import { useState } from 'react';
import { App, Button, Card, List, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { recommenderApi, type Candidate, type MyUnit } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';

/**
 * The unit's 推荐汇总表: its endorsed applications in its order of preference (moved up or down,
 * saved at once), and the Excel and the PDF with its seal page to download.
 */
export function UnitSummaryCard({ unit, items, onChanged }: { unit: MyUnit; items: Candidate[]; onChanged(next: { unit: MyUnit; items: Candidate[] }): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);
  const endorsed = items
    .filter((c) => c.nomination.status === 'endorsed' && c.applicationStatus !== 'withdrawn')
    .sort((a, b) => (a.nomination.preference ?? Infinity) - (b.nomination.preference ?? Infinity) || (a.nomination.decidedAt ?? 0) - (b.nomination.decidedAt ?? 0));

  const move = async (from: number, to: number) => {
    const ids = endorsed.map((c) => c.applicationId);
    const [id] = ids.splice(from, 1);
    ids.splice(to, 0, id);
    setBusy(true);
    try {
      onChanged(await recommenderApi.setPreferences(unit.id, ids));
      message.success(t('sum.saved'));
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };
  const file = `${unit.programName}-${unit.name}-${t('sum.title')}`;

  return (
    <Card
      title={t('sum.title')}
      className="lv-block"
      data-testid="unit-summary"
      extra={
        <Space wrap>
          <DownloadButton href={recommenderApi.summaryHref(unit.id, 'xlsx')} filename={`${file}.xlsx`} icon={<FileExcelOutlined />} data-testid="summary-xlsx">{t('sum.xlsx')}</DownloadButton>
          <DownloadButton href={recommenderApi.summaryHref(unit.id, 'pdf')} filename={`${file}.pdf`} icon={<FilePdfOutlined />} data-testid="summary-pdf">{t('sum.pdf')}</DownloadButton>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('sum.orderHint')}</Typography.Paragraph>
      <List
        size="small"
        dataSource={endorsed}
        locale={{ emptyText: t('rec.noCandidates') }}
        data-testid="summary-order"
        renderItem={(c, i) => (
          <List.Item
            data-testid={`summary-row-${c.number}`}
            actions={[
              <Button key="up" size="small" icon={<ArrowUpOutlined />} disabled={busy || i === 0} onClick={() => void move(i, i - 1)} aria-label={t('sum.up')} />,
              <Button key="down" size="small" icon={<ArrowDownOutlined />} disabled={busy || i === endorsed.length - 1} onClick={() => void move(i, i + 1)} aria-label={t('sum.down')} />,
            ]}
          >
            <Space>
              <Typography.Text strong>{i + 1}</Typography.Text>
              <span className="lv-mono">{c.number}</span>
              <span>{c.organizationName}</span>
              <Typography.Text type="secondary">{c.trackName}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
