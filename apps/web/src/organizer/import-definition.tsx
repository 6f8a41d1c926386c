import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Input, Modal, Radio, Space, Typography, Upload } from 'antd';
import type { ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { isApiError } from '../api/client.ts';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { guessFormat, useDefinitionCheck, type DefinitionFormat } from './definition-text.ts';
import { ProblemList } from './problem-list.tsx';

/** 导入 JSON/YAML: a whole program definition from a file or pasted, checked live before it is sent. */
export function ImportDefinition({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [format, setFormat] = useState<DefinitionFormat>('yaml');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const checked = useDefinitionCheck(text, format);

  const readFile = async (file: File) => {
    const content = await file.text();
    setFormat(guessFormat(file.name, content));
    setText(content);
    return false;
  };

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await programsApi.create({ from: 'text', format, text });
      navigate(`/organizer/programs/${p.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const problems = isApiError(error) && error.fields.length ? error.fields : checked.state === 'invalid' && text.trim() ? checked.problems : [];
  return (
    <Modal
      open
      title={t('orgz.import')}
      okText={t('orgz.create')}
      okButtonProps={{ disabled: !text.trim() || checked.state !== 'ok', loading: busy, 'data-testid': 'import-create' } as ButtonProps}
      cancelText={t('apply.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      width={820}
      destroyOnHidden
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={format} onChange={(e) => setFormat(e.target.value as DefinitionFormat)} optionType="button" data-testid="import-format">
          <Radio.Button value="yaml">YAML</Radio.Button>
          <Radio.Button value="json">JSON</Radio.Button>
        </Radio.Group>
        <Upload accept=".yaml,.yml,.json" showUploadList={false} beforeUpload={(f) => readFile(f)}>
          <Button icon={<UploadOutlined />} data-testid="import-file">
            {t('orgz.importFile')}
          </Button>
        </Upload>
        {text.trim() && checked.state === 'ok' && (
          <Typography.Text type="success" data-testid="import-valid">
            {t('def.valid', { tracks: checked.definition.tracks.length, forms: checked.definition.forms.length })}
          </Typography.Text>
        )}
      </Space>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="lv-code"
        autoSize={{ minRows: 12, maxRows: 24 }}
        spellCheck={false}
        placeholder={t('orgz.importPlaceholder')}
        data-testid="import-text"
      />
      <div style={{ marginTop: 12 }}>
        <ProblemList problems={problems} />
        {error !== null && problems.length === 0 && <Alert type="error" showIcon title={errorText(error)} data-testid="import-error" />}
      </div>
    </Modal>
  );
}
