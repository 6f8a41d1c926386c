import type { Localized } from '../../errors.ts';
import type { RankingMethod } from './types.ts';

// What each method does, in words an organizer can check, with its expected accuracy next
// to the default's (the design doc asks for it: trimmed means are requested, and they are the
// least accurate). The figures are Kendall τ to the true order on simulated panels
// (simulate.ts, 2,000 applications, experts' leniency as large as the noise, panels mostly
// from one field; mean of seeds 1–10; ranking.test.ts measures them again):
//   reviews per application   calibrated   mean    trimmed   (oracle knowing every leniency)
//   3                         0.661        0.570   0.521     0.668
//   5                         0.728        0.646   0.627     0.731

const accuracy = {
  'zh-CN': '模拟评审（专家宽严差异与评分误差相当、评审专家多来自同一领域）中与真实顺序的 Kendall τ：每份申报 3 份评审时校准 0.66、简单平均 0.57、去掉最高最低分 0.52；5 份评审时 0.73、0.65、0.63。',
  en: 'Kendall τ to the true order on simulated panels (experts’ leniency as large as the noise, panels mostly from one field): with 3 reviews per application calibrated 0.66, mean 0.57, trimmed 0.52; with 5 reviews 0.73, 0.65, 0.63.',
};

const text: Record<RankingMethod, Localized> = {
  calibrated: {
    'zh-CN': `校准（默认）：同时估计每份申报的质量和每位专家的宽严偏移（评审数据足够时也估计其评分尺度），偏移向 0 收缩（岭回归），只在相互连通的评审关系内可比；最终得分是各评审扣除专家偏移后的调整分的加权平均。${accuracy['zh-CN']}`,
    en: `Calibrated (default): each application's quality and each expert's leniency offset (and, where the data supports it, their scale) are fitted together, offsets shrunk toward 0 (ridge), comparable only within a connected group of reviews; the final score is the weighted mean of the reviews' scores adjusted for their experts. ${accuracy.en}`,
  },
  mean: {
    'zh-CN': `简单平均：各专家原始分的平均值，不校正专家宽严。${accuracy['zh-CN']}`,
    en: `Mean: the plain mean of the experts' raw scores, with no correction for leniency. ${accuracy.en}`,
  },
  trimmed: {
    'zh-CN': `去掉最高最低分：去掉一个最高分和一个最低分后取平均；评审少于 3 份时没有可去掉的分数，即为简单平均。它比简单平均更不准确，因为丢掉了信息而专家宽严依然留在结果中。${accuracy['zh-CN']}`,
    en: `Trimmed mean: the mean after dropping one highest and one lowest score; with fewer than 3 reviews nothing is dropped and it is the plain mean. It is less accurate than the plain mean: it discards information while the experts' leniency stays in. ${accuracy.en}`,
  },
};

export function methodExplanation(method: RankingMethod): Localized {
  return text[method];
}
