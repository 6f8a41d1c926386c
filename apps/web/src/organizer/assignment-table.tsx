import { useMemo, useState } from 'react';
import { App, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { assignmentApi, type AssignmentView } from '../api/assignment.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { AssignmentExpertPicker, type PickFor } from './assignment-expert-picker.tsx';
import { loadsOf, refusalText, ruleOf, rowsByApplication, type AppRow, type Candidate } from './assignment-model.ts';
import { AssignmentReviewer } from './assignment-reviewer.tsx';
import { AssignmentRuleModal, type RuleTarget } from './assignment-rule-modal.tsx';

type Props = { program: ProgramDetail; view: AssignmentView; candidates: Candidate[]; onView: (v: AssignmentView) => void };

/** 分配结果 by application: its reviewers with affinity and status, and the hand edits (swap, add, remove, pin/ban). */
export function AssignmentTable({ program, view, candidates, onView }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [picking, setPicking] = useState<PickFor | null>(null);
  const [ruling, setRuling] = useState<RuleTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const rows = useMemo(() => rowsByApplication(view), [view]);
  const loads = useMemo(() => loadsOf(view.items), [view.items]);
  const trackName = (id: string) => program.definition.tracks.find((tr) => tr.id === id)?.name ?? id;

  const done = (v: AssignmentView) => {
    onView(v);
    setPicking(null);
    setRuling(null);
    void message.success(t('as.edited'));
  };
  // An override asked for from the picker returns to it, so the organizer can try the expert again.
  const ruled = (v: AssignmentView) => {
    if (!picking) return done(v);
    onView(v);
    setRuling(null);
  };
  const act = async (call: () => Promise<AssignmentView>) => {
    setBusy(true);
    try {
      done(await call());
    } catch (e) {
      void message.error(refusalText(e, pick, t('error.unknown')));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<AppRow> = [
    { key: 'number', title: t('as.number'), width: 150, render: (_, r) => <Typography.Text strong data-testid="row-number">{r.number}</Typography.Text> },
    {
      key: 'org',
      title: t('as.org'),
      width: 240,
      render: (_, r) => (
        <>
          <div>{r.orgName}</div>
          {r.trackId && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{trackName(r.trackId)}</Typography.Text>}
        </>
      ),
    },
    {
      key: 'reviewers',
      title: t('as.reviewers'),
      render: (_, r) =>
        r.reviewers.length === 0 ? (
          <Typography.Text type="secondary">{t('as.noReviewers')}</Typography.Text>
        ) : (
          r.reviewers.map((item) => (
            <AssignmentReviewer
              key={item.id}
              programId={program.id}
              round={view.roundId}
              item={item}
              rule={ruleOf(view.rules, item.applicationId, item.expertId)}
              busy={busy}
              onSwap={() => setPicking({ op: 'swap', row: r, item })}
              onRemove={() => void act(() => assignmentApi.edit(program.id, view.roundId, { op: 'remove', assignmentId: item.id }))}
              onRule={(kind) => setRuling({ applicationId: item.applicationId, expertId: item.expertId, kind, label: `${r.number} · ${item.expertName}` })}
              onDeleteRule={() => void act(() => assignmentApi.deleteRule(program.id, view.roundId, { applicationId: item.applicationId, expertId: item.expertId }))}
            />
          ))
        ),
    },
    {
      key: 'actions',
      width: 120,
      render: (_, r) => (
        <Button size="small" icon={<PlusOutlined />} disabled={busy} onClick={() => setPicking({ op: 'add', row: r })} data-testid="row-add">
          {t('as.add')}
        </Button>
      ),
    },
  ];

  return (
    <Card size="small" title={t('as.table')} className="lv-block">
      <Table
        rowKey="applicationId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(r) => ({ 'data-testid': 'assignment-row', 'data-number': r.number, 'data-application': r.applicationId }) as object}
        data-testid="assignment-table"
      />
      {picking && (
        <AssignmentExpertPicker
          programId={program.id}
          round={view.roundId}
          pick={picking}
          candidates={candidates}
          loads={loads}
          onClose={() => setPicking(null)}
          onDone={done}
          onOverride={setRuling}
        />
      )}
      {ruling && <AssignmentRuleModal programId={program.id} round={view.roundId} target={ruling} onClose={() => setRuling(null)} onDone={ruled} />}
    </Card>
  );
}
