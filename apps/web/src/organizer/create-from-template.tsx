import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Form, Input, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';

/** 从模板创建: a copy of a built-in program, optionally under another slug and name. */
export function CreateFromTemplate({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const text = useErrorText();
  const [templates, reload] = useLoad(() => programsApi.templates().then((r) => r.templates), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const p = await programsApi.create({ from: 'template', templateSlug: chosen, slug: slug.trim() || undefined, name: name.trim() || undefined });
      navigate(`/organizer/programs/${p.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('orgz.fromTemplate')}
      okText={t('orgz.create')}
      okButtonProps={{ disabled: !chosen, loading: busy, 'data-testid': 'template-create' } as ButtonProps}
      cancelText={t('apply.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      {templates.state === 'loading' && <Skeleton active />}
      {templates.state === 'error' && <ApiErrorAlert error={templates.error} title={t('orgz.templatesFailed')} onRetry={reload} />}
      {templates.state === 'ok' && (
        <Form layout="vertical" component="div">
          <Form.Item label={t('orgz.template')} required>
            <Radio.Group value={chosen} onChange={(e) => setChosen(String(e.target.value))} data-testid="template-list">
              <Space orientation="vertical">
                {templates.data.map((tpl) => (
                  <Radio key={tpl.slug} value={tpl.slug} data-testid={`template-${tpl.slug}`}>
                    {tpl.name}{' '}
                    <Typography.Text type="secondary">
                      {t('orgz.templateMeta', { year: tpl.year, tracks: tpl.tracks })}
                    </Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('orgz.newSlug')} extra={t('orgz.newSlugHint')}>
            <Input value={slug} onChange={(e) => setSlug(e.target.value)} className="lv-mono" placeholder="kczg-2026" data-testid="template-slug" />
          </Form.Item>
          <Form.Item label={t('orgz.newName')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="template-name" />
          </Form.Item>
        </Form>
      )}
      {error !== null && <Alert type="error" showIcon title={text(error)} data-testid="template-error" />}
    </Modal>
  );
}
