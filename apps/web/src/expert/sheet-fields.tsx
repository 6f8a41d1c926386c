import type { ReactNode } from 'react';
import { Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import { criterionMax, type Criterion, type Gate, type Rubric } from '@lvping/domain/review/rubric.schema.ts';
import type { Sheet } from '../api/expert-review.api.ts';
import { loc } from '../form-renderer/answers.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatPoints, problemsAt, type LiveTotal } from './scoring-model.ts';

type Common = { problems: readonly FieldError[]; readOnly: boolean };

type Help = { validateStatus: 'error' | undefined; help: ReactNode };

/**
 * A field's messages under it, with the path in the test id (`problem-scores.lvse`): `invalid`,
 * and `item`, the Form.Item's validateStatus and help.
 */
function useHelp(problems: readonly FieldError[], path: string): { invalid: boolean; item: Help } {
  const { pick } = useI18n();
  const own = problemsAt(problems, path);
  if (!own.length) return { invalid: false, item: { validateStatus: undefined, help: undefined } };
  return { invalid: true, item: { validateStatus: 'error', help: <span data-testid={`problem-${path}`}>{[...new Set(own.map((p) => pick(p.message)))].join('；')}</span> } };
}

/** The class of a gate or criterion block, marked when any of its fields has a problem. */
const itemClass = (invalid: boolean) => (invalid ? 'lv-sheet-item lv-field lv-field-invalid' : 'lv-sheet-item lv-field');

function Guidance({ text }: { text: string }) {
  if (!text) return null;
  return <Typography.Paragraph type="secondary" className="lv-pre lv-guidance">{text}</Typography.Paragraph>;
}

function GateItem({ gate, value, onChange, problems, readOnly }: Common & { gate: Gate; value: Sheet['gates'][string] | undefined; onChange: (v: Sheet['gates'][string]) => void }) {
  const { t, lang } = useI18n();
  const pass = value?.pass ?? null;
  const note = value?.note ?? '';
  const choice = useHelp(problems, `gates.${gate.id}`);
  const noteHelp = useHelp(problems, `gates.${gate.id}.note`);
  return (
    <div id={`f-gates.${gate.id}`} className={itemClass(choice.invalid || noteHelp.invalid)} data-testid="gate" data-gate={gate.id}>
      <Typography.Text strong>{loc(lang, gate.name, gate.nameEn)}</Typography.Text>
      <Guidance text={loc(lang, gate.guidance ?? '', gate.guidanceEn)} />
      <Form.Item {...choice.item} style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          disabled={readOnly}
          value={pass === null ? undefined : pass ? 'pass' : 'fail'}
          onChange={(e) => onChange({ pass: e.target.value === 'pass', note })}
        >
          <Radio.Button value="pass" data-testid={`gate-pass-${gate.id}`}>{t('ss.gatePass')}</Radio.Button>
          <Radio.Button value="fail" data-testid={`gate-fail-${gate.id}`}>{t('ss.gateFail')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {pass === false && (
        <Form.Item label={t('ss.gateNote')} required={!readOnly} {...noteHelp.item}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={2000}
            readOnly={readOnly}
            value={note}
            placeholder={t('ss.gateNotePlaceholder')}
            onChange={(e) => onChange({ pass, note: e.target.value })}
            data-testid={`gate-note-${gate.id}`}
          />
        </Form.Item>
      )}
    </div>
  );
}

function ScoreInput({ criterion: c, value, onChange, readOnly }: { criterion: Criterion; value: number | null; onChange: (v: number | null) => void; readOnly: boolean }) {
  const { t, lang } = useI18n();
  if (c.levels?.length) {
    return (
      <Radio.Group value={value ?? undefined} disabled={readOnly} onChange={(e) => onChange(e.target.value as number)} className="lv-levels" data-testid={`levels-${c.id}`}>
        <Space orientation="vertical" size={4}>
          {c.levels.map((l) => (
            <Radio key={l.score} value={l.score} data-testid={`level-${c.id}-${l.score}`}>
              <Typography.Text strong>{t('ss.levelScore', { score: l.score })}</Typography.Text> {loc(lang, l.text, l.textEn)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  }
  const max = criterionMax(c);
  // No min/max on the input: a value out of range is kept and shown as a problem, never changed silently.
  return (
    <Space.Compact>
      <InputNumber
        step={c.step}
        value={value}
        readOnly={readOnly}
        placeholder={t('ss.scorePlaceholder', { max })}
        onChange={(v) => onChange(typeof v === 'number' && Number.isFinite(v) ? v : null)}
        style={{ width: 120 }}
        inputMode="decimal"
        data-testid={`score-${c.id}`}
      />
      <Space.Addon>/ {max}</Space.Addon>
    </Space.Compact>
  );
}

function CriterionItem(props: Common & { criterion: Criterion; score: number | null; comment: string; part: LiveTotal['parts'][number] | undefined; onScore: (v: number | null) => void; onComment: (v: string) => void }) {
  const { criterion: c, score, comment, part, problems, readOnly } = props;
  const { t, lang } = useI18n();
  const scoreHelp = useHelp(problems, `scores.${c.id}`);
  const commentHelp = useHelp(problems, `comments.${c.id}`);
  const max = criterionMax(c);
  const needsComment = c.commentBelow !== undefined && score !== null && score < c.commentBelow;
  return (
    <div
      id={`f-scores.${c.id}`}
      className={itemClass(scoreHelp.invalid || commentHelp.invalid)}
      data-testid="criterion"
      data-criterion={c.id}
    >
      <div className="lv-criterion-head">
        <Typography.Text strong>{loc(lang, c.name, c.nameEn)}</Typography.Text>
        <Tag color="green">{t('ss.weight', { weight: c.weight })}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.levels?.length ? t('ss.scaleLevels', { max }) : t('ss.scale', { max, step: c.step })}
        </Typography.Text>
      </div>
      <Guidance text={loc(lang, c.guidance ?? '', c.guidanceEn)} />
      <Form.Item {...scoreHelp.item} style={{ marginBottom: 8 }}>
        <ScoreInput criterion={c} value={score} onChange={props.onScore} readOnly={readOnly} />
      </Form.Item>
      <div className="lv-weighted" data-testid={`weighted-${c.id}`} data-weighted={part?.weighted ?? ''}>
        {part?.weighted === null || part === undefined ? t('ss.weightedNone', { weight: c.weight }) : t('ss.weighted', { points: formatPoints(part.weighted), weight: c.weight })}
      </div>
      <Form.Item
        label={t('ss.comment')}
        required={needsComment && !readOnly}
        {...commentHelp.item}
        extra={c.commentBelow !== undefined ? <span data-testid={`comment-rule-${c.id}`}>{t('ss.commentBelow', { n: c.commentBelow })}</span> : undefined}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={5000}
          readOnly={readOnly}
          value={comment}
          placeholder={t('ss.commentPlaceholder')}
          onChange={(e) => props.onComment(e.target.value)}
          data-testid={`comment-${c.id}`}
        />
      </Form.Item>
    </div>
  );
}

/** The sheet's fields: gates first, then each criterion with its comment, then the overall comment. */
export function SheetFields({ rubric, sheet, total, onChange, problems, readOnly }: Common & { rubric: Rubric; sheet: Sheet; total: LiveTotal; onChange: (next: Sheet) => void }) {
  const { t } = useI18n();
  const overall = useHelp(problems, 'overallComment');
  const gateFailed = rubric.gates.some((g) => sheet.gates[g.id]?.pass === false);
  return (
    <Form layout="vertical" component="div" className="lv-sheet-form">
      {rubric.gates.length > 0 && (
        <section className="lv-sheet-section" data-testid="sheet-gates">
          <Typography.Title level={5}>{t('ss.gates')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('ss.gatesHint')}</Typography.Paragraph>
          {rubric.gates.map((g) => (
            <GateItem key={g.id} gate={g} value={sheet.gates[g.id]} problems={problems} readOnly={readOnly} onChange={(v) => onChange({ ...sheet, gates: { ...sheet.gates, [g.id]: v } })} />
          ))}
        </section>
      )}
      <section className={gateFailed ? 'lv-sheet-section lv-sheet-muted' : 'lv-sheet-section'} data-testid="sheet-criteria">
        <Typography.Title level={5}>{t('ss.criteria')}</Typography.Title>
        {rubric.criteria.map((c) => (
          <CriterionItem
            key={c.id}
            criterion={c}
            score={sheet.scores[c.id] ?? null}
            comment={sheet.comments[c.id] ?? ''}
            part={total.parts.find((p) => p.criterionId === c.id)}
            problems={problems}
            readOnly={readOnly}
            onScore={(v) => onChange({ ...sheet, scores: { ...sheet.scores, [c.id]: v } })}
            onComment={(v) => onChange({ ...sheet, comments: { ...sheet.comments, [c.id]: v } })}
          />
        ))}
      </section>
      <div id="f-overallComment" className={overall.invalid ? 'lv-field lv-field-invalid' : 'lv-field'}>
        <Form.Item
          label={rubric.overallComment === 'required' ? t('ss.overall') : t('ss.overallOptional')}
          required={rubric.overallComment === 'required' && !readOnly}
          {...overall.item}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 14 }}
            maxLength={10_000}
            readOnly={readOnly}
            value={sheet.overallComment}
            placeholder={t('ss.overallPlaceholder')}
            onChange={(e) => onChange({ ...sheet, overallComment: e.target.value })}
            data-testid="overall-comment"
          />
        </Form.Item>
      </div>
    </Form>
  );
}
