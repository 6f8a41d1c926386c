import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Descriptions, Popconfirm, Select, Space, Typography } from 'antd';
import { CloudUploadOutlined, StopOutlined } from '@ant-design/icons';
import { programFiles, programsApi, type ProgramDetail, type ProgramStatus } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { listIn } from '../i18n/text-in.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { formatDateTime, formatEnd, formatStart } from '../shell/shanghai.ts';

// The schema's list, written out here so this page does not load zod for six words.
const programStatuses = ['draft', 'open', 'reviewing', 'publicity', 'published', 'closed'] as const satisfies readonly ProgramStatus[];

/** 概览: where the program stands, publishing or closing the call, and exporting its definition. */
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
      <Space wrap>
        {program.status !== 'open' && (
          <Popconfirm title={t('orgz.publishConfirm')} onConfirm={() => setStatus('open')} okText={t('orgz.publish')} cancelText={t('apply.cancel')}>
            <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'open'} disabled={!program.canConfigure} data-testid="publish-call">
              {t('orgz.publish')}
            </Button>
          </Popconfirm>
        )}
        {program.status !== 'closed' && (
          <Popconfirm title={t('orgz.closeConfirm')} onConfirm={() => setStatus('closed')} okText={t('orgz.close')} cancelText={t('apply.cancel')}>
            <Button danger icon={<StopOutlined />} loading={busy === 'closed'} disabled={!program.canConfigure} data-testid="close-program">
              {t('orgz.close')}
            </Button>
          </Popconfirm>
        )}
        <Select<ProgramStatus>
          value={program.status}
          disabled={!program.canConfigure || busy !== null}
          style={{ width: 180 }}
          options={programStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(s) => void setStatus(s)}
          data-testid="program-status-select"
        />
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
