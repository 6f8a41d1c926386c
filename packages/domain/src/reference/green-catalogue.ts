// 《绿色低碳转型产业指导目录（2024年版）》(发改环资〔2024〕165号): its seven top-level categories,
// the "fields" experts and applications name besides a program's own tracks. See README.md for
// what is and is not transcribed.

export type GreenCatalogueField = {
  /** Stable id stored in expert profiles and matched against applications: `glt2024-<code>`. */
  id: string;
  /** The category's number in the catalogue (一级). */
  code: string;
  name: string;
  nameEn: string;
  /**
   * A few words of what the category covers, written for matching experts to applications (they
   * join the category's name in the affinity text). Our gloss, not the catalogue's wording.
   */
  gloss: string;
};

export const greenCatalogue2024: readonly GreenCatalogueField[] = [
  { id: 'glt2024-1', code: '1', name: '节能降碳产业', nameEn: 'Energy saving and carbon reduction', gloss: '高效节能装备 节能降碳改造 余热余压利用 电机 锅炉 工业节能 温室气体减排 碳捕集利用与封存' },
  { id: 'glt2024-2', code: '2', name: '环境保护产业', nameEn: 'Environmental protection', gloss: '大气污染治理 水污染治理 污水处理 土壤修复 噪声治理 环境监测 环保装备' },
  { id: 'glt2024-3', code: '3', name: '资源循环利用产业', nameEn: 'Resource recycling', gloss: '固体废物综合利用 再生资源回收 废旧动力电池回收 再制造 工业废水资源化' },
  { id: 'glt2024-4', code: '4', name: '能源绿色低碳转型', nameEn: 'Green low-carbon energy transition', gloss: '光伏 风电 氢能 储能 核电 水电 生物质能 智能电网 清洁能源' },
  { id: 'glt2024-5', code: '5', name: '生态保护修复和利用', nameEn: 'Ecological protection, restoration and use', gloss: '生态修复 水土保持 碳汇 林业 湿地 生物多样性' },
  { id: 'glt2024-6', code: '6', name: '基础设施绿色升级', nameEn: 'Green upgrading of infrastructure', gloss: '绿色建筑 建筑节能 绿色交通 充电设施 城镇环境基础设施 海绵城市' },
  { id: 'glt2024-7', code: '7', name: '绿色服务', nameEn: 'Green services', gloss: '节能诊断 合同能源管理 碳核算 碳咨询 绿色金融 检测认证 技术评价' },
];

const byId = new Map(greenCatalogue2024.map((f) => [f.id, f]));

export const greenCatalogueField = (id: string): GreenCatalogueField | undefined => byId.get(id);
export const isGreenCatalogueId = (id: string): boolean => byId.has(id);
