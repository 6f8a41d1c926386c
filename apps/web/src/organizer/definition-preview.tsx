import { memo, useState } from 'react';
import { Alert, Empty, Select, Space, Switch, Typography } from 'antd';
import type { ProgramDefinition } from '@lvping/domain/program/program-definition.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { FormAnswers } from '../form-renderer/answers.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';

/**
 * The form of the chosen track as applicants will see it, from the last definition that parsed.
 * Memoized: typing in the editor must not re-render a whole form on every keystroke.
 */
export const DefinitionPreview = memo(function DefinitionPreview({ definition, outdated }: { definition: ProgramDefinition | null; outdated: boolean }) {
  const { t, lang } = useI18n();
  const [trackId, setTrackId] = useState<string | null>(null);
  // 试填: type into the preview to try conditions and counters; nothing is saved or uploaded.
  const [trying, setTrying] = useState(false);
  const [answers, setAnswers] = useState<FormAnswers>({});
  if (!definition) return <Empty description={t('def.noPreview')} />;
  const track = definition.tracks.find((tr) => tr.id === trackId) ?? definition.tracks[0];
  const form = definition.forms.find((f) => f.id === track.formId);
  return (
    <div data-testid="definition-preview">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('def.previewTrack')}</Typography.Text>
        <Select
          value={track.id}
          onChange={(id: string) => {
            setTrackId(id);
            setAnswers({});
          }}
          style={{ minWidth: 260 }}
          options={definition.tracks.map((tr) => ({ value: tr.id, label: lang === 'en' && tr.nameEn ? tr.nameEn : tr.name }))}
          data-testid="preview-track"
        />
        <Switch checked={trying} onChange={setTrying} data-testid="preview-try" />
        <Typography.Text type="secondary">{t('def.tryIt')}</Typography.Text>
      </Space>
      {outdated && <Alert type="warning" showIcon className="lv-block" title={t('def.previewOutdated')} />}
      {form ? (
        <>
          <Typography.Title level={5}>
            {form.title} <Typography.Text type="secondary">v{form.version}</Typography.Text>
          </Typography.Title>
          <FormRenderer template={form} answers={answers} onChange={setAnswers} readOnly={!trying} nav={false} />
        </>
      ) : (
        <Empty description={t('def.noForm')} />
      )}
    </div>
  );
});
