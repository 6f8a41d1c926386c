import { useCallback, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Space, type ButtonProps } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { FieldError } from '@lvping/domain/errors.ts';
import { sheetProblems } from '@lvping/domain/review/score-sheet.ts';
import { expertReviewApi, type Sheet, type SheetView } from '../api/expert-review.api.ts';
import { isApiError } from '../api/client.ts';
import { clearLocalDraft } from '../applicant/autosave-store.ts';
import { SaveStatusView } from '../applicant/save-status.tsx';
import { scrollToFirstError } from '../applicant/use-submit.ts';
import { StaleRevisionNotice, type StaleNoticeTexts } from '../forms/revision-notices.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { SheetFields } from './sheet-fields.tsx';
import { SheetStateBanner, SheetTotalBar } from './sheet-notices.tsx';
import { failedGateNames, formatPoints, isPlacedOnSheet, liveTotal, sheetDraftId, visibleProblems } from './scoring-model.ts';
import { useSheetAutosave } from './use-sheet-autosave.ts';

const clearLocal = (assignmentId: string) => {
  try {
    clearLocalDraft(window.localStorage, sheetDraftId(assignmentId));
  } catch {
    // No storage: nothing kept.
  }
};

/** Problems the server sent that have no field here (a criterion since removed…), listed above the sheet. */
function Unplaced({ problems, view }: { problems: FieldError[]; view: SheetView }) {
  const { t, pick } = useI18n();
  const rest = problems.filter((p) => !isPlacedOnSheet(view.rubric, p.path));
  if (!rest.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      className="lv-block"
      data-testid="sheet-other-problems"
      title={t('ss.otherProblems')}
      description={<ul className="lv-error-list">{rest.map((p) => <li key={p.path + p.message['zh-CN']}>{pick(p.message)}</li>)}</ul>}
    />
  );
}

/** A submitted (locked) sheet: the same fields, read-only, with the banner. */
export function LockedSheet({ view }: { view: SheetView }) {
  const { t, lang } = useI18n();
  const total = useMemo(() => liveTotal(view.rubric, view.sheet), [view]);
  return (
    <Card title={lang === 'en' ? (view.rubric.nameEn ?? view.rubric.name) : view.rubric.name} extra={t('ss.title')} data-testid="score-sheet" data-status={view.status}>
      <SheetStateBanner view={view} />
      <SheetTotalBar total={total} rubric={view.rubric} />
      <SheetFields rubric={view.rubric} sheet={view.sheet} total={total} problems={[]} readOnly onChange={() => undefined} />
    </Card>
  );
}

/** 此评分表已在其他窗口修改: saving stops until the expert loads the other version or overwrites it. */
const STALE_TEXTS: StaleNoticeTexts = { title: 'ss.staleTitle', text: 'ss.staleText', reload: 'ss.staleReload', overwrite: 'ss.staleOverwrite' };

type Props = {
  view: SheetView;
  /** The sheet to start from: the server's, or edits restored from this browser. */
  start: { sheet: Sheet; dirty: boolean };
  /** A newer view from the server (after a save or the submission). */
  onView: (view: SheetView) => void;
  /** Throw this page's edits away and load the server's sheet. */
  onReloadServer: () => void;
};

/** The expert's score sheet while it may be edited: autosave, live total and problems, 提交评分. */
export function SheetEditor({ view, start, onView, onReloadServer }: Props) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const id = view.assignmentId;
  const autosave = useSheetAutosave(id, { sheet: start.sheet, revision: view.revision, savedAt: view.updatedAt, dirty: start.dirty }, { onSaved: onView, onLocked: onReloadServer });
  const { sheet, change } = autosave;
  // After the first try to submit, what is still missing shows too, not only what is wrong.
  const [attempted, setAttempted] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldError[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [staleHint, setStaleHint] = useState(false);

  const total = useMemo(() => liveTotal(view.rubric, sheet), [view.rubric, sheet]);
  const problems = useMemo(() => [...visibleProblems(view.rubric, sheet, attempted), ...serverProblems], [view.rubric, sheet, attempted, serverProblems]);
  const onChange = useCallback(
    (next: Sheet) => {
      change(next);
      setServerProblems([]);
    },
    [change],
  );

  const send = async () => {
    setBusy(true);
    try {
      const next = await expertReviewApi.submitSheet(id, autosave.revision());
      clearLocal(id);
      void message.success(t('ss.submitted'));
      onView(next);
    } catch (e) {
      if (isApiError(e) && e.fields.length) {
        setServerProblems(e.fields);
        scrollToFirstError();
      } else if (isApiError(e) && e.code === 'STALE_REVISION') setStaleHint(true);
      else if (isApiError(e) && e.code === 'CONFLICT') onReloadServer();
      setSubmitError(e);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setAttempted(true);
    setSubmitError(null);
    setBusy(true);
    const saved = await autosave.flush();
    setBusy(false);
    const missing = sheetProblems(view.rubric, sheet, { complete: true });
    if (missing.length) {
      void message.error(t('ss.incomplete', { n: missing.length }));
      scrollToFirstError();
      return;
    }
    if (!saved) return void message.error(t('ss.saveFirst'));
    const names = failedGateNames(view.rubric, total, lang);
    modal.confirm({
      title: t('ss.submitTitle'),
      content: <span data-testid="submit-sheet-total">{total.total === null ? t('ss.submitTextGate', { names }) : t('ss.submitText', { total: formatPoints(total.total) })}</span>,
      okText: t('ss.submitOk'),
      cancelText: t('ss.submitCancel'),
      okButtonProps: { 'data-testid': 'submit-sheet-confirm' } as ButtonProps,
      onOk: () => send(),
    });
  };

  const stale = autosave.status.kind === 'stale' ? autosave.status : staleHint ? { kind: 'stale' as const, currentRevision: null } : null;

  return (
    <Card
      title={lang === 'en' ? (view.rubric.nameEn ?? view.rubric.name) : view.rubric.name}
      extra={<SaveStatusView status={autosave.status} />}
      data-testid="score-sheet"
      data-status={view.status}
      data-revision={view.revision}
    >
      <SheetStateBanner view={view} />
      {stale && (
        <StaleRevisionNotice
          texts={STALE_TEXTS}
          currentRevision={stale.currentRevision}
          fetchRevision={async () => (await expertReviewApi.sheet(id)).revision}
          onReload={onReloadServer}
          onOverwrite={async (rev) => {
            setStaleHint(false);
            return autosave.overwrite(rev);
          }}
        />
      )}
      {submitError !== null && !(isApiError(submitError) && submitError.fields.length) && (
        <Alert type="error" showIcon className="lv-block" data-testid="submit-error" title={errorText(submitError)} />
      )}
      <Unplaced problems={serverProblems} view={view} />
      <SheetTotalBar total={total} rubric={view.rubric} />
      <SheetFields rubric={view.rubric} sheet={sheet} total={total} problems={problems} readOnly={false} onChange={onChange} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" size="large" block icon={<SendOutlined />} loading={busy} disabled={!!stale} onClick={() => void submit()} data-testid="submit-sheet">
          {t('ss.submit')}
        </Button>
      </Space>
    </Card>
  );
}
