import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button, Empty, Popconfirm, Progress, Skeleton, Space, Typography, type ButtonProps } from 'antd';
import { CaretRightOutlined, CompressOutlined, ExpandOutlined, PauseOutlined, ReloadOutlined, StepForwardOutlined } from '@ant-design/icons';
import { expertReviewApi, type SheetView } from '../api/expert-review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { initialTimer, resetTimer, skipToQa, timerView, toggleTimer, type TimerConfig, type TimerState } from './roadshow-timer.ts';
import './scoring.css';
import '../i18n/scoring.ts';

const levelColor = { normal: '#52c41a', warning: '#faad14', over: '#ff4d4f' } as const;

/** Re-renders a few times a second while the clock runs; the time itself always comes from Date.now(). */
function useNow(running: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const h = setInterval(() => setTick((n) => n + 1), 200);
    return () => clearInterval(h);
  }, [running]);
  return Date.now();
}

function Timer({ config, backTo }: { config: TimerConfig; backTo: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<TimerState>(initialTimer);
  const [full, setFull] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const now = useNow(state.runningSince !== null);
  const v = timerView(state, config, now);
  const hasQa = config.qaMinutes > 0;

  const toggle = useCallback(() => setState((s) => toggleTimer(s, Date.now())), []);
  const toQa = useCallback(() => setState((s) => skipToQa(s, Date.now())), []);
  const fullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void box.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Keys for the one at the laptop while the timer is on the projector.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.code === 'Space') {
        e.preventDefault();
        toggle();
      } else if (e.key === 'q' || e.key === 'Q') {
        if (hasQa) toQa();
      } else if (e.key === 'f' || e.key === 'F') fullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, toQa, fullscreen, hasQa]);

  const started = v.running || v.elapsedMs > 0;
  const stateText = v.level === 'over' ? t('tm.over') : v.level === 'warning' ? t('tm.lastMinute') : !started ? t('tm.ready') : !v.running ? t('tm.paused') : '';
  return (
    <div ref={box} className={`lv-timer lv-timer-${v.level}${full ? ' lv-timer-full' : ''}`} data-testid="roadshow-timer" data-phase={v.phase} data-level={v.level} data-running={String(v.running)}>
      <div className="lv-timer-phase" data-testid="timer-phase">
        {v.phase === 'present' ? t('tm.present') : t('tm.qa')}
        <span className="lv-timer-limit">{t('tm.limit', { m: v.phase === 'present' ? config.presentMinutes : config.qaMinutes })}</span>
      </div>
      <div className="lv-timer-clock" data-testid="timer-clock" aria-live="off">{v.text}</div>
      <div className="lv-timer-state" data-testid="timer-state">{stateText || '\u00a0'}</div>
      <Progress percent={Math.round(v.used * 100)} showInfo={false} strokeColor={levelColor[v.level]} className="lv-timer-bar" />
      <Space wrap size={12} className="lv-timer-controls">
        <Button type="primary" size="large" icon={v.running ? <PauseOutlined /> : <CaretRightOutlined />} onClick={toggle} data-testid="timer-toggle">
          {v.running ? t('tm.pause') : started ? t('tm.resume') : t('tm.start')}
        </Button>
        {hasQa && v.phase === 'present' && (
          <Button size="large" icon={<StepForwardOutlined />} onClick={toQa} data-testid="timer-skip">{t('tm.skip')}</Button>
        )}
        <Popconfirm title={t('tm.resetConfirm')} onConfirm={() => setState(resetTimer())} okButtonProps={{ 'data-testid': 'timer-reset-ok' } as ButtonProps} getPopupContainer={() => box.current ?? document.body}>
          <Button size="large" icon={<ReloadOutlined />} disabled={!started} data-testid="timer-reset">{t('tm.reset')}</Button>
        </Popconfirm>
        <Button size="large" icon={full ? <CompressOutlined /> : <ExpandOutlined />} onClick={fullscreen} data-testid="timer-fullscreen">
          {full ? t('tm.exitFullscreen') : t('tm.fullscreen')}
        </Button>
        {!full && <Link to={backTo}><Button size="large" type="link">{t('tm.back')}</Button></Link>}
      </Space>
      <Typography.Text className="lv-timer-keys" type="secondary">{t('tm.keys')}</Typography.Text>
      <Typography.Text className="lv-timer-plan" type="secondary">{t('tm.plan', { present: config.presentMinutes, qa: config.qaMinutes })}</Typography.Text>
    </div>
  );
}

/** /expert/assignments/:assignmentId/timer — the roadshow's countdown (陈述, then 问答), for a projector. */
export default function RoadshowTimerPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useI18n();
  const [load, reload] = useLoad(() => expertReviewApi.sheet(assignmentId), [assignmentId]);
  const backTo = `/expert/assignments/${encodeURIComponent(assignmentId)}`;
  if (load.state === 'loading') return <Skeleton active />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const timing: SheetView['timing'] = load.data.timing;
  return (
    <div data-testid="timer-page">
      <Typography.Title level={3}>{t('tm.title')}</Typography.Title>
      {timing ? (
        <Timer config={timing} backTo={backTo} />
      ) : (
        <Empty description={t('tm.none')} data-testid="timer-none">
          <Link to={backTo}><Button>{t('tm.back')}</Button></Link>
        </Empty>
      )}
    </div>
  );
}

