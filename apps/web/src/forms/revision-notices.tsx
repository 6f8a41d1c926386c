import { useState, type ReactNode } from 'react';
import { Alert, Button, Space } from 'antd';
import { useI18n, type AnyMessageKey } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';

// The two notices of a form that autosaves against a revision (the application form, the score
// sheet); each caller passes the keys of its own texts.

/** A warning with its explanation and the buttons to choose with. */
function ChoiceAlert({ testId, title, text, children }: { testId: string; title: string; text: ReactNode; children: ReactNode }) {
  return (
    <Alert
      type="warning"
      showIcon
      className="lv-block"
      data-testid={testId}
      title={title}
      description={
        <>
          {text}
          <Space wrap style={{ marginTop: 12 }}>
            {children}
          </Space>
        </>
      }
    />
  );
}

export type StaleNoticeTexts = { title: AnyMessageKey; text: AnyMessageKey; reload: AnyMessageKey; overwrite: AnyMessageKey };

/**
 * 已在其他窗口修改: saving stops until the person chooses to load the other version (losing this
 * page's edits) or to overwrite it with this page's — never decided silently.
 */
export function StaleRevisionNotice({ texts, currentRevision, fetchRevision, onReload, onOverwrite }: {
  texts: StaleNoticeTexts;
  /** From the 409's details; null when the server did not say (then fetchRevision asks). */
  currentRevision: number | null;
  fetchRevision: () => Promise<number>;
  onReload: () => void;
  onOverwrite: (currentRevision: number) => Promise<boolean>;
}) {
  const { t } = useI18n();
  const text = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const overwrite = async () => {
    setBusy(true);
    setError(null);
    try {
      const rev = currentRevision ?? (await fetchRevision());
      await onOverwrite(rev);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ChoiceAlert
      testId="stale-notice"
      title={t(texts.title)}
      text={
        <>
          <div>{t(texts.text)}</div>
          {error !== null && <div className="lv-error-text">{text(error)}</div>}
        </>
      }
    >
      <Button onClick={onReload} data-testid="stale-reload">
        {t(texts.reload)}
      </Button>
      <Button type="primary" danger loading={busy} onClick={() => void overwrite()} data-testid="stale-overwrite">
        {t(texts.overwrite)}
      </Button>
    </ChoiceAlert>
  );
}

/** `text` gets {time}: when the local copy was written. */
export type LocalConflictTexts = { title: AnyMessageKey; text: AnyMessageKey; discard: AnyMessageKey; useLocal: AnyMessageKey };

/** Edits kept in this browser that the server never got, made on an older revision than the server's: the person decides. */
export function LocalCopyConflict({ texts, at, onUseLocal, onDiscard }: { texts: LocalConflictTexts; at: number; onUseLocal: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <ChoiceAlert testId="local-conflict" title={t(texts.title)} text={<div>{t(texts.text, { time: formatDateTime(at) })}</div>}>
      <Button onClick={onDiscard} data-testid="local-discard">{t(texts.discard)}</Button>
      <Button type="primary" onClick={onUseLocal} data-testid="local-use">{t(texts.useLocal)}</Button>
    </ChoiceAlert>
  );
}
