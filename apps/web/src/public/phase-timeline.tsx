import { Steps } from 'antd';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';
import { currentPhaseIndex, formatEnd, formatStart, phaseStates, phaseWindow } from '../shell/shanghai.ts';

type Phase = ProgramDetail['definition']['phases'][number];

/** The program's phases in Asia/Shanghai time, the current one highlighted. */
export function PhaseTimeline({ phases, now = Date.now() }: { phases: Phase[]; now?: number }) {
  const { lang } = useI18n();
  const states = phaseStates(phases, now);
  // Highlighted only while it runs: before a call opens nothing is "current" yet.
  const running = currentPhaseIndex(phases, now);
  const current = states[running] === 'process' ? running : -1;
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      data-testid="phase-timeline"
      items={phases.map((p, i) => {
        const w = phaseWindow(p);
        return {
          key: p.id,
          status: states[i],
          title: (
            <span data-testid={`phase-${p.id}`} data-state={states[i]} data-current={i === current ? 'true' : undefined}>
              {textIn(lang, p.name, p.nameEn)}
            </span>
          ),
          content: (
            <>
              <div className="lv-phase-time">
                {formatStart(w.start)} — {formatEnd(w.end)}
              </div>
              {p.description && <div className="lv-pre lv-phase-desc">{textIn(lang, p.description, p.descriptionEn)}</div>}
            </>
          ),
        };
      })}
    />
  );
}
