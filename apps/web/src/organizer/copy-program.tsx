import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/lifecycle.ts';

/** 复制现有活动: a published program (or one of mine) as a new draft under another slug. */
export function CopyProgram({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const text = useErrorText();
  // Published calls and the drafts I configure: what the server lets me copy.
  const [programs] = useLoad(async () => {
    const [pub, mine] = await Promise.all([programsApi.list(), programsApi.manageable()]);
    return [...new Map([...mine.programs, ...pub.programs].map((p) => [p.id, p])).values()];
  }, []);
  const [programId, setProgramId] = useState<string | null>(null);
  const [slug, setSlug] = useState('');
  const [name, setName] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async () => {
    if (!programId) return;
    setBusy(true);
    setError(null);
    try {
      const p = await programsApi.create({ from: 'copy', programId, slug: slug.trim(), name: name.trim() || undefined, year: year ?? undefined });
      navigate(`/organizer/programs/${p.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('lc.copy')}
      okText={t('orgz.create')}
      okButtonProps={{ disabled: !programId || slug.trim().length < 2, loading: busy, 'data-testid': 'copy-create' } as ButtonProps}
      cancelText={t('apply.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('lc.copyHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('lc.copySource')} required>
          <Select
            showSearch
            optionFilterProp="label"
            loading={programs.state === 'loading'}
            value={programId}
            onChange={setProgramId}
            options={programs.state === 'ok' ? programs.data.map((p) => ({ value: p.id, label: `${p.name}（${p.year}）` })) : []}
            data-testid="copy-source"
          />
        </Form.Item>
        <Form.Item label={t('orgz.newSlug')} required extra={t('orgz.newSlugHint')}>
          <Input value={slug} onChange={(e) => setSlug(e.target.value)} className="lv-mono" placeholder="henan-green-2026" data-testid="copy-slug" />
        </Form.Item>
        <Form.Item label={t('orgz.newName')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="copy-name" />
        </Form.Item>
        <Form.Item label={t('orgz.year')}>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => setYear(v)} data-testid="copy-year" />
        </Form.Item>
      </Form>
      {error !== null && <Alert type="error" showIcon title={text(error)} data-testid="copy-error" />}
    </Modal>
  );
}
