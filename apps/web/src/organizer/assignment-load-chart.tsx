import { useMemo } from 'react';
import { Card } from 'antd';
import type { AssignmentItem } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Candidate } from './assignment-model.ts';
import { loadsOf } from './assignment-model.ts';
import { EChart, type ChartOption } from './echart.tsx';

/** 专家评审数量: one bar per accepted expert (those without a review too), most loaded first. */
export function AssignmentLoadChart({ items, experts }: { items: AssignmentItem[]; experts: Candidate[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const loads = loadsOf(items);
    const names = new Map(experts.map((e) => [e.expertId, e.name]));
    for (const i of items) if (!names.has(i.expertId)) names.set(i.expertId, i.expertName);
    const bars = [...names].map(([id, name]) => ({ name, value: loads.get(id) ?? 0 })).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name, 'zh-CN'));
    return {
      color: ['#1f8f4e'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { interval: 0, rotate: bars.length > 8 ? 40 : 0, width: 80, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('as.reviews'), data: bars.map((b) => b.value), barMaxWidth: 28 }],
    };
  }, [items, experts, t]);
  return (
    <Card size="small" title={t('as.loadChart')} className="lv-block">
      <EChart option={option} height={280} testId="assignment-load-chart" />
    </Card>
  );
}
