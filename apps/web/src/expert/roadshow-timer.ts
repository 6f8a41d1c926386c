// The roadshow timer's arithmetic (路演计时): the presentation, then questions. Pure — the page
// passes the clock in — so pausing, resuming and overtime are tested without a browser. Time is
// kept as "elapsed in this phase before the last start" plus "running since", never as ticks
// counted, so a busy tab or a sleeping laptop cannot make the clock drift.

export type TimerPhase = 'present' | 'qa';
export type TimerLevel = 'normal' | 'warning' | 'over';

export type TimerState = {
  phase: TimerPhase;
  /** Epoch ms of the last start while running; null while paused. */
  runningSince: number | null;
  /** Time spent in the current phase before the last start (ms). */
  elapsedBefore: number;
};

export type TimerConfig = { presentMinutes: number; qaMinutes: number };

export type TimerView = {
  phase: TimerPhase;
  running: boolean;
  /** Time spent in this phase (ms). */
  elapsedMs: number;
  /** Time left in this phase (ms); negative once over time. */
  remainingMs: number;
  /** The phase's length (ms). */
  limitMs: number;
  level: TimerLevel;
  /** "08:00", "00:59", and over time "+01:05". */
  text: string;
  /** Share of the phase used, 0–1 (capped). */
  used: number;
};

/** The last minute turns amber. */
export const WARNING_MS = 60_000;

export const initialTimer = (): TimerState => ({ phase: 'present', runningSince: null, elapsedBefore: 0 });

export const phaseLimitMs = (config: TimerConfig, phase: TimerPhase): number => (phase === 'present' ? config.presentMinutes : config.qaMinutes) * 60_000;

const elapsed = (s: TimerState, now: number): number => s.elapsedBefore + (s.runningSince === null ? 0 : Math.max(0, now - s.runningSince));

export function startTimer(s: TimerState, now: number): TimerState {
  return s.runningSince === null ? { ...s, runningSince: now } : s;
}

export function pauseTimer(s: TimerState, now: number): TimerState {
  return s.runningSince === null ? s : { ...s, runningSince: null, elapsedBefore: elapsed(s, now) };
}

export function toggleTimer(s: TimerState, now: number): TimerState {
  return s.runningSince === null ? startTimer(s, now) : pauseTimer(s, now);
}

/** Back to the start of the presentation, stopped. */
export const resetTimer = (): TimerState => initialTimer();

/** Ends the presentation and starts the questions at once (the clock keeps running if it was). */
export function skipToQa(s: TimerState, now: number): TimerState {
  if (s.phase === 'qa') return s;
  return { phase: 'qa', elapsedBefore: 0, runningSince: s.runningSince === null ? null : now };
}

/** mm:ss of a duration, rounded up to the second (a countdown reads 00:01 until it is really over). */
export function formatDuration(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

export function timerView(s: TimerState, config: TimerConfig, now: number): TimerView {
  const limitMs = phaseLimitMs(config, s.phase);
  const elapsedMs = elapsed(s, now);
  const remainingMs = limitMs - elapsedMs;
  const level: TimerLevel = remainingMs <= 0 ? 'over' : remainingMs <= WARNING_MS ? 'warning' : 'normal';
  const overText = formatDuration(remainingMs);
  const text = remainingMs < 0 && overText !== '00:00' ? `+${overText}` : formatDuration(Math.max(0, remainingMs));
  return { phase: s.phase, running: s.runningSince !== null, elapsedMs, remainingMs, limitMs, level, text, used: limitMs > 0 ? Math.min(1, elapsedMs / limitMs) : 1 };
}
