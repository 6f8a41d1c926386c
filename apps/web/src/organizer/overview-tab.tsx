import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { programFiles, programsApi, type ProgramDetail, type ProgramStatus } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { listIn } from '../i18n/text-in.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatDateTime, formatEnd, formatStart } from '../shell/shanghai.ts';
import '../i18n/lifecycle.ts';

/** 概览: where the program stands, its next status (one step along its phases, as the server allows), and exporting its definition. */
export function OverviewTab({ program, onChanged }: { program: ProgramDetail; onChanged: (p: ProgramDetail) => void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [busy, setBusy] = useState<ProgramStatus | null>(null);
  const def = program.definition;

  const setStatus = async (status: ProgramStatus) => {
    setBusy(status);
    try {
      onChanged(await programsApi.setStatus(program.id, status));
      message.success(t('orgz.statusChanged', { status: t(`status.${status}`) }));
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="overview-tab">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'slug', label: t('orgz.slug'), children: <Link to={`/programs/${program.slug}`}>/programs/{program.slug}</Link> },
          { key: 'year', label: t('orgz.year'), children: def.year },
          { key: 'call', label: t('orgz.callWindow'), children: `${formatStart(program.callOpensAt)} — ${formatEnd(program.callClosesAt)}` },
          { key: 'updated', label: t('orgz.updatedAt'), children: formatDateTime(program.updatedAt) },
          { key: 'tracks', label: t('orgz.tracks'), children: def.tracks.length },
          { key: 'forms', label: t('orgz.forms'), children: Object.entries(program.formVersions).map(([id, v]) => `${id} v${v}`).join('，') || '—' },
          { key: 'organizers', label: t('home.organizers'), children: listIn(lang, def.organizers, def.organizersEn) },
        ]}
      />
      <Typography.Title level={5}>{t('orgz.statusActions')}</Typography.Title>
      {program.calendarStatus !== program.status && program.status !== 'closed' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('lc.calendar', { status: t(`status.${program.calendarStatus}`) })} data-testid="calendar-status" />
      )}
      <Space wrap>
        {program.nextStatuses.map((s) => (
          <Popconfirm key={s} title={t('lc.nextConfirm', { status: t(`status.${s}`) })} onConfirm={() => setStatus(s)} okText={t('lc.next', { status: t(`status.${s}`) })} cancelText={t('apply.cancel')}>
            <Button type="primary" icon={<ArrowRightOutlined />} loading={busy === s} disabled={!program.canConfigure} data-testid={`program-status-${s}`}>
              {t('lc.next', { status: t(`status.${s}`) })}
            </Button>
          </Popconfirm>
        ))}
        {program.nextStatuses.length === 0 && <Typography.Text type="secondary">{t('lc.last')}</Typography.Text>}
      </Space>
      <Typography.Title level={5}>{t('orgz.export')}</Typography.Title>
      <Space wrap>
        <DownloadButton href={programFiles.export(program.id, 'yaml')} filename={`${program.slug}.yaml`} data-testid="export-yaml">
          {t('orgz.exportYaml')}
        </DownloadButton>
        <DownloadButton href={programFiles.export(program.id, 'json')} filename={`${program.slug}.json`} data-testid="export-json">
          {t('orgz.exportJson')}
        </DownloadButton>
      </Space>
    </div>
  );
}
