import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Skeleton } from 'antd';
import { applicationsApi, type ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LocalCopyConflict, type LocalConflictTexts } from '../forms/revision-notices.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ApplicationEditor } from './application-editor.tsx';
import { ApplicationView } from './application-view.tsx';
import { clearLocalDraft, decideRestore, readLocalDraft } from './autosave-store.ts';
import { RecommendationCard } from './recommendation-card.tsx';
import { ScreeningFeedback } from './screening-feedback.tsx';
import { ReviewScheduleCard } from './review-schedule-card.tsx';
import { ObjectionResponseCard } from './objection-response-card.tsx';
import { ResultCard } from './result-card.tsx';
import { FeedConfirmCard } from './feed-confirm-card.tsx';
import './applicant.css';
import '../i18n/work.ts';
import '../i18n/recommend.ts';
import '../i18n/review.ts';

const store = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Edits in this browser that the server never got, made on an older version: the person decides. */
const CONFLICT_TEXTS: LocalConflictTexts = { title: 'restore.conflictTitle', text: 'restore.conflictText', discard: 'restore.discard', useLocal: 'restore.useLocal' };

/** The applicant's recommending unit and what screening said, under the header. */
const panels = (detail: ApplicationDetail) => (
  <>
    <ResultCard detail={detail} />
    <RecommendationCard detail={detail} />
    <ScreeningFeedback detail={detail} />
    <ReviewScheduleCard detail={detail} />
    <ObjectionResponseCard detail={detail} />
  </>
);

function Editable({ detail, onSubmitted, reload }: { detail: ApplicationDetail; onSubmitted: (d: ApplicationDetail) => void; reload: () => void }) {
  const { t } = useI18n();
  const local = useMemo(() => {
    const s = store();
    return s ? readLocalDraft(s, detail.id) : null;
  }, [detail.id]);
  const decision = decideRestore(local, detail);
  const [choice, setChoice] = useState<'local' | 'server' | null>(null);

  if (decision === 'conflict' && !choice && local) {
    const discard = () => {
      const s = store();
      if (s) clearLocalDraft(s, detail.id);
      setChoice('server');
    };
    return <LocalCopyConflict texts={CONFLICT_TEXTS} at={local.at} onUseLocal={() => setChoice('local')} onDiscard={discard} />;
  }
  const useLocal = local && (decision === 'restore' || choice === 'local');
  return (
    <>
      {useLocal && <Alert type="info" showIcon closable className="lv-block" title={t('restore.restored')} data-testid="restored-notice" />}
      <ApplicationEditor
        detail={detail}
        start={useLocal ? { answers: local.answers, dirty: true } : { answers: detail.answers, dirty: false }}
        onSubmitted={onSubmitted}
        below={panels(detail)}
        onReloadServer={() => {
          const s = store();
          if (s) clearLocalDraft(s, detail.id);
          reload();
        }}
      />
    </>
  );
}

/** /applications/:id — the form while it may be edited, else the read-only application. */
export default function ApplicationPage() {
  const { id = '' } = useParams();
  const [load, reload, replace] = useLoad(() => applicationsApi.get(id), [id]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 12 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const detail = load.data;
  if (!detail.canEdit) return <ApplicationView detail={detail} onChanged={replace} below={<><FeedConfirmCard detail={detail} onChanged={replace} />{panels(detail)}</>} />;
  return (
    // Loading the server's version (after a stale notice) unmounts the editor and starts a fresh one.
    <Editable key={detail.id} detail={detail} onSubmitted={replace} reload={() => reload(true)} />
  );
}
