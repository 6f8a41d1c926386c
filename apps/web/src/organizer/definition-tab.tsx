import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Input, Radio, Row, Space, Spin, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { fetchFile, isApiError } from '../api/client.ts';
import { programFiles, programsApi, type ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { DefinitionPreview } from './definition-preview.tsx';
import { convertDefinition, loadDefinitionText, useDefinitionCheck, type DefinitionFormat } from './definition-text.ts';
import { ProblemList } from './problem-list.tsx';

/** The definition as the server exports it; if that fails, the same definition written out here. */
async function initialText(program: ProgramDetail, format: DefinitionFormat): Promise<{ text: string; exportError: unknown }> {
  try {
    return { text: await (await fetchFile(programFiles.export(program.id, format))).text(), exportError: null };
  } catch (e) {
    const m = await loadDefinitionText();
    return { text: m.definitionToText(program.definition, format), exportError: e };
  }
}

type Props = { program: ProgramDetail; onSaved: (p: ProgramDetail) => void; onReload: () => void };

/** 定义: the program as YAML/JSON text, checked as it is typed, previewed, saved against its revision. */
export function DefinitionTab({ program, onSaved, onReload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [format, setFormat] = useState<DefinitionFormat>('yaml');
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [base, setBase] = useState(program.updatedAt);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const checked = useDefinitionCheck(text ?? '', format);
  const [lastGood, setLastGood] = useState<ProgramDetail['definition'] | null>(program.definition);

  useEffect(() => {
    let live = true;
    void initialText(program, 'yaml').then((r) => {
      if (!live) return;
      setText(r.text);
      setSaved(r.text);
      setExportError(r.exportError);
    });
    return () => {
      live = false;
    };
    // The text is loaded once per program; later saves update it here.
  }, [program.id]);

  useEffect(() => {
    if (checked.state === 'ok') setLastGood(checked.definition);
  }, [checked]);

  if (text === null) return <Spin />;
  const dirty = text !== saved;

  const switchFormat = async (to: DefinitionFormat) => {
    const converted = await convertDefinition(text, format, to);
    if (converted === null) return message.warning(t('def.fixBeforeSwitch'));
    setFormat(to);
    setText(converted);
    if (!dirty) setSaved(converted);
  };

  const save = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const next = await programsApi.updateDefinition(program.id, { format, text, baseUpdatedAt: base });
      setBase(next.updatedAt);
      setSaved(text);
      message.success(t('def.saved'));
      onSaved(next);
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  /** Overwrite someone else's newer save: same text, based on the revision the server has now. */
  const overwrite = async () => {
    try {
      setBase((await programsApi.get(program.id)).updatedAt);
      setSaveError(null);
      message.info(t('def.rebased'));
    } catch (e) {
      setSaveError(e);
    }
  };

  const stale = isApiError(saveError) && saveError.code === 'STALE_REVISION';
  const serverProblems = isApiError(saveError) && saveError.fields.length ? saveError.fields : [];
  return (
    <Row gutter={24} data-testid="definition-tab">
      <Col xs={24} xl={13}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Radio.Group value={format} onChange={(e) => void switchFormat(e.target.value as DefinitionFormat)} optionType="button" data-testid="definition-format">
            <Radio.Button value="yaml">YAML</Radio.Button>
            <Radio.Button value="json">JSON</Radio.Button>
          </Radio.Group>
          <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!dirty || checked.state !== 'ok'} onClick={() => void save()} data-testid="definition-save">
            {t('def.save')}
          </Button>
          <span data-testid="definition-state" data-state={checked.state}>
            {checked.state === 'checking' && <Typography.Text type="secondary">{t('def.checking')}</Typography.Text>}
            {checked.state === 'ok' && <Typography.Text type="success">{t('def.valid', { tracks: checked.definition.tracks.length, forms: checked.definition.forms.length })}</Typography.Text>}
            {checked.state === 'invalid' && <Typography.Text type="danger">{t('def.problems', { n: checked.problems.length })}</Typography.Text>}
          </span>
          {dirty && <Typography.Text type="warning">{t('def.unsaved')}</Typography.Text>}
        </Space>
        {exportError !== null && <Alert type="info" showIcon className="lv-block" title={t('def.exportFallback')} description={errorText(exportError)} />}
        {stale && (
          <Alert
            type="warning"
            showIcon
            className="lv-block"
            data-testid="definition-stale"
            title={t('def.staleTitle')}
            description={t('def.staleText')}
            action={
              <Space orientation="vertical">
                <Button size="small" onClick={onReload} data-testid="definition-reload">{t('def.reload')}</Button>
                <Button size="small" danger onClick={() => void overwrite()} data-testid="definition-overwrite">{t('def.overwrite')}</Button>
              </Space>
            }
          />
        )}
        {saveError !== null && !stale && serverProblems.length === 0 && <Alert type="error" showIcon className="lv-block" title={errorText(saveError)} />}
        <ProblemList problems={serverProblems} title={t('def.serverProblems', { n: serverProblems.length })} testId="definition-server-problems" />
        {checked.state === 'invalid' && (
          <div className="lv-block">
            <ProblemList problems={checked.problems} />
          </div>
        )}
        {/* A fixed height that scrolls inside: auto-sizing re-measures 80 KB of YAML on every keystroke. */}
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="lv-code lv-definition-text"
          spellCheck={false}
          data-testid="definition-text"
        />
      </Col>
      <Col xs={24} xl={11}>
        <div className="lv-definition-preview">
          <Typography.Title level={5}>{t('def.preview')}</Typography.Title>
          <DefinitionPreview definition={lastGood} outdated={checked.state === 'invalid'} />
        </div>
      </Col>
    </Row>
  );
}
