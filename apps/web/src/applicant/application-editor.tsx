import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { FieldError } from '@lvping/domain/errors.ts';
import { applicationFiles, applicationsApi, type ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { withoutErrorsAt, type FormAnswers } from '../form-renderer/answers.ts';
import type { FileAdapter } from '../form-renderer/context.ts';
import { FormRenderer } from '../form-renderer/form-renderer.tsx';
import { StaleRevisionNotice, type StaleNoticeTexts } from '../forms/revision-notices.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { ApplicationHeader } from './application-header.tsx';
import { SaveStatusView } from './save-status.tsx';
import { isPlaced, useSubmit } from './use-submit.ts';
import { useAutosave } from './use-autosave.ts';

type Props = {
  detail: ApplicationDetail;
  /** The answers to start from: the server's, or edits restored from this browser. */
  start: { answers: Record<string, unknown>; dirty: boolean };
  onSubmitted: (detail: ApplicationDetail) => void;
  /** Throw away this page's edits and load the server's version. */
  onReloadServer: () => void;
  /** Shown under the header (the recommending unit, screening feedback). */
  below?: ReactNode;
};

/** 此申报书已在其他窗口修改. */
const STALE_TEXTS: StaleNoticeTexts = { title: 'stale.title', text: 'stale.text', reload: 'stale.reload', overwrite: 'stale.overwrite' };

/** The applicant's form with autosave, stale-revision handling and submission. */
export function ApplicationEditor({ detail, start, onSubmitted, onReloadServer, below }: Props) {
  const { t, pick } = useI18n();
  const text = useErrorText();
  const autosave = useAutosave(detail.id, { answers: start.answers, revision: detail.revision, savedAt: detail.updatedAt, dirty: start.dirty });
  // Errors of the last submit attempt (the client's check or the server's), each until its field changes.
  const [submitErrors, setSubmitErrors] = useState<FieldError[]>([]);

  const files = useMemo<FileAdapter>(
    () => ({ upload: (path, file) => applicationsApi.upload(detail.id, path, file), href: (f) => applicationFiles.file(detail.id, f.id) }),
    [detail.id],
  );
  const { change, dropProblemsAt } = autosave;
  const onChange = useCallback(
    (next: FormAnswers, path: string) => {
      change(next);
      dropProblemsAt(path);
      setSubmitErrors((errs) => (errs.length ? withoutErrorsAt(errs, path) : errs));
    },
    [change, dropProblemsAt],
  );

  const [staleHint, setStaleHint] = useState(false);
  const submission = useSubmit({
    detail,
    template: detail.form,
    answers: () => autosave.answers,
    flush: autosave.flush,
    revision: autosave.revision,
    onErrors: setSubmitErrors,
    onSubmitted,
    onStale: () => setStaleHint(true),
  });

  const errors = useMemo(() => [...submitErrors, ...autosave.problems], [submitErrors, autosave.problems]);
  const unplaced = submitErrors.filter((e) => !isPlaced(e.path));
  const stale = autosave.status.kind === 'stale' ? autosave.status : staleHint ? { kind: 'stale' as const, currentRevision: null } : null;

  const side = (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <SaveStatusView status={autosave.status} />
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        loading={submission.busy}
        disabled={!!stale}
        onClick={() => void submission.submit()}
        data-testid="submit-application"
      >
        {t('submit.button')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('submit.deadlineHint', { deadline: formatEnd(detail.deadline) })}
      </Typography.Text>
    </Space>
  );

  return (
    <div data-testid="application-editor">
      <ApplicationHeader detail={detail} />
      {below}
      {detail.status === 'returned' && <Alert type="warning" showIcon className="lv-block" title={t('appl.returnedHint')} description={detail.timeline.at(-1)?.note ?? undefined} />}
      {stale && (
        <StaleRevisionNotice
          texts={STALE_TEXTS}
          currentRevision={stale.currentRevision}
          fetchRevision={async () => (await applicationsApi.get(detail.id)).revision}
          onReload={onReloadServer}
          onOverwrite={async (rev) => {
            setStaleHint(false);
            return autosave.overwrite(rev);
          }}
        />
      )}
      {submission.error !== null && (
        <Alert
          type="error"
          showIcon
          className="lv-block"
          data-testid="submit-error"
          title={text(submission.error)}
          description={
            unplaced.length > 0 && (
              <ul className="lv-error-list">
                {unplaced.map((e) => (
                  <li key={e.path + e.message['zh-CN']}>
                    <code>{e.path || '—'}</code> {pick(e.message)}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <FormRenderer template={detail.form} answers={autosave.answers as FormAnswers} onChange={onChange} errors={errors} files={files} side={side} />
    </div>
  );
}
