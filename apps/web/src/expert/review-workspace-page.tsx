import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Button, Col, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { expertReviewApi, type ReviewReading, type SheetView } from '../api/expert-review.api.ts';
import { isApiError } from '../api/client.ts';
import { clearLocalDraft, decideRestore, readLocalDraft } from '../applicant/autosave-store.ts';
import { LocalCopyConflict, type LocalConflictTexts } from '../forms/revision-notices.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { AssignmentScheduleInfo } from './assignment-schedule-info.tsx';
import { ReadingPane } from './reading-pane.tsx';
import { LockedSheet, SheetEditor } from './score-sheet.tsx';
import { sheetDraftId, sheetFromStorage } from './scoring-model.ts';
import './scoring.css';
import '../i18n/work.ts';
import '../i18n/scoring.ts';

const store = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Edits kept in this browser on an older revision than the server's: the expert chooses. */
const CONFLICT_TEXTS: LocalConflictTexts = { title: 'ss.localTitle', text: 'ss.localText', discard: 'ss.discardLocal', useLocal: 'ss.useLocal' };

/** The sheet's column: the editor (with edits restored from this browser), or the locked sheet. */
function SheetPane({ view, onView, reload }: { view: SheetView; onView: (v: SheetView) => void; reload: () => void }) {
  const { t } = useI18n();
  const id = view.assignmentId;
  // Decided once, against the sheet as it was when the page opened: later autosaves move the
  // server's revision on, and must not turn restored edits into a "conflict".
  const [opened] = useState(() => {
    const s = store();
    const raw = s ? readLocalDraft(s, sheetDraftId(id)) : null;
    const sheet = raw ? sheetFromStorage(raw.answers) : null;
    const local = raw && sheet ? { ...raw, answers: sheet } : null;
    return { local, decision: decideRestore(local, { revision: view.revision, answers: view.sheet }) };
  });
  const [choice, setChoice] = useState<'local' | 'server' | null>(null);
  const discard = () => {
    const s = store();
    if (s) clearLocalDraft(s, sheetDraftId(id));
  };
  const locked = view.status === 'submitted';
  // A submitted sheet cannot take edits any more: whatever this browser kept is dropped.
  useEffect(() => {
    if (locked) discard();
  });

  if (locked) return <LockedSheet view={view} />;
  const { local, decision } = opened;
  if (decision === 'conflict' && !choice && local) {
    return <LocalCopyConflict texts={CONFLICT_TEXTS} at={local.at} onUseLocal={() => setChoice('local')} onDiscard={() => (discard(), setChoice('server'))} />;
  }
  const useLocal = !!local && (decision === 'restore' || choice === 'local');
  return (
    <>
      {useLocal && <Alert type="info" showIcon closable className="lv-block" title={t('ss.restored')} data-testid="restored-notice" />}
      <SheetEditor
        view={view}
        start={useLocal ? { sheet: local.answers, dirty: true } : { sheet: view.sheet, dirty: false }}
        onView={onView}
        onReloadServer={() => {
          discard();
          reload();
        }}
      />
    </>
  );
}

/** Not confirmed yet (403), or not this expert's (404): say so, and the way back. */
function Blocked({ error }: { error: unknown }) {
  const { t } = useI18n();
  const text = useErrorText();
  const status = isApiError(error) ? error.status : 0;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'warning'}
      title={t('ws.loadFailed')}
      subTitle={<span data-testid="api-error" data-code={isApiError(error) ? error.code : undefined}>{text(error)}</span>}
      extra={<Link to="/expert/assignments"><Button type="primary">{t('ws.back')}</Button></Link>}
    />
  );
}

function Header({ reading, timing }: { reading: ReviewReading; timing: SheetView['timing'] }) {
  const { t } = useI18n();
  return (
    <div className="lv-workspace-head">
      <Space wrap align="center" size={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="workspace-number">{reading.applicationNumber}</Typography.Title>
        <Tag>{reading.programName}</Tag>
        <Tag color="blue">{reading.roundName}</Tag>
        <Tag>{reading.trackName}</Tag>
        {reading.blind && <Tag color="purple">{t('mr.blind')}</Tag>}
      </Space>
      {reading.orgName && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="workspace-org">{t('ws.org', { org: reading.orgName })}</Typography.Paragraph>}
      <Space wrap size={8} style={{ marginTop: 8 }}>
        {timing && (
          <Link to={`/expert/assignments/${encodeURIComponent(reading.assignmentId)}/timer`} target="_blank" rel="noreferrer">
            <Button icon={<FieldTimeOutlined />} data-testid="open-timer">{t('ws.timer')}</Button>
          </Link>
        )}
        <Button className="lv-narrow-only" icon={<ArrowDownOutlined />} onClick={() => document.getElementById('score-sheet')?.scrollIntoView({ behavior: 'smooth' })} data-testid="to-sheet">
          {t('ws.toSheet')}
        </Button>
      </Space>
    </div>
  );
}

/**
 * /expert/assignments/:assignmentId — the scoring workspace: the application on the left, the
 * score sheet on the right (sticky on wide screens; stacked below on a phone).
 */
export default function ReviewWorkspacePage() {
  const { assignmentId = '' } = useParams();
  const { t } = useI18n();
  const [reading, reloadReading] = useLoad(() => expertReviewApi.reading(assignmentId), [assignmentId]);
  const [sheet, reloadSheet, replaceSheet] = useLoad(() => expertReviewApi.sheet(assignmentId), [assignmentId]);
  // Loading the server's version again (after a stale notice, or a sheet locked meanwhile) starts a fresh editor.
  const [generation, setGeneration] = useState(0);

  const crumbs = (
    <Breadcrumb
      className="lv-breadcrumb"
      items={[{ title: <Link to="/expert/assignments" data-testid="back-to-assignments">{t('ws.back')}</Link> }, { title: reading.state === 'ok' ? reading.data.applicationNumber : '…' }]}
    />
  );
  if (reading.state === 'loading' || sheet.state === 'loading') return <div className="lv-workspace">{crumbs}<Skeleton active paragraph={{ rows: 12 }} /></div>;
  if (reading.state === 'error') return <Blocked error={reading.error} />;

  return (
    <div className="lv-workspace" data-testid="review-workspace">
      {crumbs}
      <Header reading={reading.data} timing={sheet.state === 'ok' ? sheet.data.timing : null} />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={14} className="lv-workspace-read">
          <AssignmentScheduleInfo
            assignmentId={reading.data.assignmentId} visit={reading.data.visit} slot={reading.data.slot}
            timing={sheet.state === 'ok' ? sheet.data.timing : null} roundKind={reading.data.roundKind} onUploaded={() => reloadReading(true)}
          />
          <ReadingPane reading={reading.data} />
        </Col>
        <Col xs={24} lg={10}>
          <div className="lv-sheet-side" id="score-sheet">
            {sheet.state === 'error' ? (
              <ApiErrorAlert error={sheet.error} title={t('ws.sheetLoadFailed')} onRetry={() => reloadSheet()} />
            ) : (
              <SheetPane
                key={`${generation}:${sheet.data.status === 'submitted' ? 'locked' : 'open'}`}
                view={sheet.data}
                onView={replaceSheet}
                reload={() => {
                  setGeneration((g) => g + 1);
                  reloadSheet(true);
                  reloadReading();
                }}
              />
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
