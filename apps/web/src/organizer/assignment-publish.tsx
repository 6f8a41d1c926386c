import { useState } from 'react';
import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { assignmentApi, type AssignmentView } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { refusalText } from './assignment-model.ts';

/** 发布给专家: sends the drafts (notice and email), after a confirmation; then the view is read again. */
export function AssignmentPublishButton({ programId, view, onPublished }: { programId: string; view: AssignmentView; onPublished: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const drafts = view.items.filter((i) => i.status === 'draft').length;

  const publish = async () => {
    setBusy(true);
    try {
      const r = await assignmentApi.publish(programId, view.roundId);
      void message.success(t('as.published', { n: r.published, experts: r.experts }));
      onPublished();
    } catch (e) {
      void message.error(refusalText(e, pick, t('error.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('as.publish')}
      description={<div style={{ maxWidth: 360 }}>{t('as.publishConfirm', { n: drafts })}</div>}
      onConfirm={() => void publish()}
      disabled={drafts === 0}
      okButtonProps={{ 'data-testid': 'publish-confirm' } as ButtonProps}
    >
      <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={drafts === 0} title={drafts === 0 ? t('as.nothingToPublish') : undefined} data-testid="assignment-publish" data-drafts={drafts}>
        {t('as.publish')} ({drafts})
      </Button>
    </Popconfirm>
  );
}
