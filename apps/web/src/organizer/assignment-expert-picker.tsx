import { useMemo, useState } from 'react';
import { Alert, Button, Form, Modal, Select, type ButtonProps } from 'antd';
import { isApiError } from '../api/client.ts';
import { assignmentApi, type AssignmentItem, type AssignmentView } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { overridable, refusalText, type AppRow, type Candidate } from './assignment-model.ts';
import type { RuleTarget } from './assignment-rule-modal.tsx';

export type PickFor = { op: 'add'; row: AppRow } | { op: 'swap'; row: AppRow; item: AssignmentItem };

type Props = {
  programId: string;
  round: string;
  pick: PickFor;
  candidates: Candidate[];
  loads: Map<string, number>;
  onClose: () => void;
  onDone: (v: AssignmentView) => void;
  /** The server refused for a computed 回避: the organizer may lift it with a reason. */
  onOverride: (target: RuleTarget) => void;
};

/** Whether a refusal names a 回避 the organizer may override (同一单位, 同地区…, not the expert's own). */
function overridableRefusal(e: unknown): boolean {
  if (!isApiError(e) || e.status !== 409) return false;
  const blocks = e.details.blocks;
  return Array.isArray(blocks) && blocks.length > 0 && blocks.every((b: { kind?: unknown }) => typeof b.kind === 'string' && overridable(b.kind));
}

/** 添加 / 更换 a reviewer: any accepted expert not already on the application; the server enforces 回避 and capacity. */
export function AssignmentExpertPicker({ programId, round, pick: target, candidates, loads, onClose, onDone, onOverride }: Props) {
  const { t, pick } = useI18n();
  const [expertId, setExpertId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const { row } = target;

  const options = useMemo(() => {
    const taken = new Set(row.reviewers.map((r) => r.expertId));
    return candidates
      .filter((c) => !taken.has(c.expertId) && (!c.trackId || !row.trackId || c.trackId === row.trackId))
      .map((c) => ({ value: c.expertId, label: `${c.name} · ${c.orgName} · ${t('as.pickLoad', { n: loads.get(c.expertId) ?? 0 })}`, name: c.name }));
  }, [candidates, loads, row, t]);

  const submit = async () => {
    if (!expertId) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await assignmentApi.edit(programId, round, target.op === 'add' ? { op: 'add', applicationId: row.applicationId, expertId } : { op: 'swap', assignmentId: target.item.id, expertId }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const chosen = options.find((o) => o.value === expertId);
  const title = target.op === 'add' ? t('as.pickTitleAdd', { number: row.number }) : t('as.pickTitleSwap', { number: row.number, name: target.item.expertName });
  return (
    <Modal
      open
      title={title}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'pick-confirm' } as ButtonProps}
      destroyOnHidden
      data-testid="pick-modal"
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="edit-error"
          data-code={isApiError(error) ? error.code : undefined}
          title={refusalText(error, pick, t('error.unknown'))}
          action={
            overridableRefusal(error) && expertId && (
              <Button size="small" danger data-testid="pick-override" onClick={() => onOverride({ applicationId: row.applicationId, expertId, kind: 'override', label: `${row.number} · ${chosen?.name ?? ''}` })}>
                {t('as.override')}
              </Button>
            )
          }
        />
      )}
      <Form layout="vertical">
        <Form.Item label={t('as.pickExpert')} required validateStatus={missing ? 'error' : undefined} help={missing ? t('as.pickRequired') : undefined}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            value={expertId}
            options={options}
            notFoundContent={t('as.pickNone')}
            onChange={(v: string) => {
              setExpertId(v);
              setMissing(false);
              setError(null);
            }}
            data-testid="pick-expert"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
