import { ExpertProfileInputSchema, type ExpertProfileInput } from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { findUserByEmail } from '../auth/user.repository.ts';
import { listAllPrograms } from '../programs/program.repository.ts';
import { findExpertsByEmails, insertExpertsIfMissing, insertProgramExpertsIfMissing, linkExpertIfUnlinked } from './expert.repository.ts';
import { profileColumns } from './expert.service.ts';

// Demo data only: a pool of made-up experts across the seed programs' fields, accepted on every
// demo edition so an organizer can try the assignment. The demo expert account is one of them.
// The people are fictional; their addresses are in the demo domain and receive nothing.

export const DEMO_EXPERT_EMAIL = 'expert@demo.lvping.local';

const d = (name: string, orgName: string, regionCode: string, title: string, fields: string[], keywords: string[], bio: string, email: string, orgParentGroup?: string): ExpertProfileInput =>
  ({ name, orgName, regionCode, title, fields, keywords, bio, email: `${email}@demo.lvping.local`, orgParentGroup });

const DEMO_EXPERTS: ExpertProfileInput[] = [
  d('演示评审专家', '绿评演示研究院', '110108', '研究员', ['xiandao-green', 'chuneng', 'jieneng', 'glt2024-4'], ['储能', '光伏', '工业节能'], '从事新能源与储能系统集成、工业节能诊断研究二十余年，长期参与绿色低碳技术评价。', 'expert'),
  d('陈光明', '华北电力大学', '110114', '教授', ['xinnengyuan', 'xiandao-green', 'glt2024-4'], ['光伏', '钙钛矿电池', '光伏组件'], '研究晶硅与钙钛矿叠层太阳电池、光伏组件可靠性与光伏电站运维。', 'chen.guangming'),
  d('刘储能', '中国科学院物理研究所', '110108', '研究员', ['chuneng', 'xiandao-green', 'glt2024-4'], ['储能', '锂离子电池', '固态电池'], '从事锂离子电池与固态电池材料、电化学储能电站安全研究。', 'liu.chuneng'),
  d('王氢', '同济大学', '310000', '教授', ['xinnengyuan', 'glt2024-4'], ['氢能', '燃料电池', '电解水制氢'], '研究质子交换膜燃料电池、PEM电解水制氢与氢能汽车动力系统。', 'wang.qing'),
  d('赵风', '金风科技股份有限公司', '650100', '正高级工程师', ['xinnengyuan', 'glt2024-4'], ['风电', '海上风电', '风电机组'], '长期从事大型风电机组设计与海上风电场工程技术。', 'zhao.feng', '新疆金风科技集团'),
  d('孙出行', '北京理工大学', '110108', '教授', ['lvse-chuxing', 'glt2024-1'], ['新能源汽车', '电驱动系统', '充电设施'], '研究新能源汽车电驱动系统、动力电池管理与充换电基础设施。', 'sun.chuxing'),
  d('周建筑', '中国建筑科学研究院有限公司', '110105', '研究员', ['lvse-jianzhu', 'glt2024-6'], ['绿色建筑', '建筑节能', '光储直柔'], '从事绿色建筑评价、超低能耗建筑与建筑光伏一体化研究。', 'zhou.jianzhu', '中国建筑集团有限公司'),
  d('吴节能', '清华大学', '110108', '教授', ['jieneng', 'glt2024-1'], ['工业节能', '余热回收', '热泵'], '研究工业余热回收利用、高温热泵与能量系统优化。', 'wu.jieneng'),
  d('郑电机', '上海电器科学研究所（集团）有限公司', '310000', '教授级高级工程师', ['jieneng', 'lvse-sheji', 'glt2024-1'], ['高效电机', '变频调速', '能效标准'], '从事高效电机与电机系统节能、能效标准制修订工作。', 'zheng.dianji'),
  d('钱智造', '华中科技大学', '420100', '教授', ['zhineng-zhizao', 'xiandao-equipment'], ['智能制造', '工业互联网', '数字孪生'], '研究智能制造装备、工业互联网平台与数字孪生工厂。', 'qian.zhizao'),
  d('冯清洁', '郑州大学', '410100', '教授', ['qingjie', 'glt2024-2'], ['清洁生产', '大气污染治理', '脱硫脱硝'], '研究工业窑炉烟气脱硫脱硝、清洁生产审核与超低排放改造。', 'feng.qingjie'),
  d('许水', '河南省环境保护科学研究院', '410100', '正高级工程师', ['qingjie', 'glt2024-2'], ['污水处理', '膜生物反应器', '脱氮除磷'], '从事城镇与工业污水处理、MBR膜工艺与水环境治理工程。', 'xu.shui'),
  d('何循环', '中国环境科学研究院', '110105', '研究员', ['ziyuan', 'glt2024-3'], ['固废资源化', '工业固废', '再生资源'], '研究大宗工业固废综合利用、再生资源回收体系与循环经济评价。', 'he.xunhuan'),
  d('高回收', '中南大学', '430100', '教授', ['ziyuan', 'chuneng', 'glt2024-3'], ['废旧动力电池', '湿法冶金', '回收利用'], '从事废旧动力电池梯次利用与有价金属湿法回收研究。', 'gao.huishou'),
  d('林设计', '中国标准化研究院', '110105', '研究员', ['lvse-sheji', 'glt2024-1'], ['绿色设计产品', '生命周期评价', '碳足迹'], '研究产品生命周期评价、绿色设计产品评价标准与碳足迹核算。', 'lin.sheji'),
  d('罗碳', '中国质量认证中心', '110105', '高级工程师', ['gongyingshang', 'glt2024-7'], ['碳核算', '绿色工厂', '第三方评价'], '从事绿色工厂评价、温室气体核查与绿色制造第三方服务。', 'luo.tan'),
  d('梁材料', '浙江大学', '330100', '教授', ['xiandao-materials', 'glt2024-1'], ['先进材料', '气凝胶', '低碳水泥'], '研究节能保温气凝胶材料与低碳胶凝材料。', 'liang.cailiao'),
  d('韩电网', '国网能源研究院有限公司', '110114', '教授级高级工程师', ['xiandao-electronic', 'glt2024-4'], ['智能电网', '虚拟电厂', '源网荷储'], '研究新型电力系统、虚拟电厂与源网荷储一体化调度。', 'han.dianwang', '国家电网有限公司'),
  d('唐捕集', '中国石油大学（华东）', '370200', '教授', ['xiandao-green', 'glt2024-1'], ['碳捕集', 'CCUS', '驱油封存'], '从事二氧化碳捕集、利用与封存（CCUS）及驱油封存工程研究。', 'tang.buji'),
  d('谢生态', '北京林业大学', '110108', '教授', ['glt2024-5'], ['生态修复', '碳汇', '矿山修复'], '研究矿山生态修复、林草碳汇计量与生态产品价值实现。', 'xie.shengtai'),
  d('黄投资', '深圳市绿色低碳产业投资基金管理有限公司', '440300', '合伙人', ['xinrui', 'glt2024-7'], ['绿色金融', '股权投资', '技术经理人'], '从事绿色低碳领域早期股权投资与科技成果转化投融资服务。', 'huang.touzi'),
  d('曹转化', '西安交通大学国家技术转移中心', '610100', '研究员', ['jishu-jingliren', 'rongtong'], ['技术转移', '成果转化', '产学研合作'], '长期从事高校科技成果转化、技术经理人培养与融通创新组织建设。', 'cao.zhuanhua'),
];

/** Adds the demo pool once (by address), links the demo expert account, accepts them on the demo editions. */
export async function loadDemoExperts(deps: Deps): Promise<void> {
  const now = deps.now();
  const profiles = DEMO_EXPERTS.map((p) => ExpertProfileInputSchema.parse(p));
  await insertExpertsIfMissing(deps.db, profiles.map((p) => ({ id: newId(), ...profileColumns(p), email: p.email, user_id: null, created_by: null, created_at: now, updated_at: now })));
  const experts = await findExpertsByEmails(deps.db, profiles.map((p) => p.email));
  const account = await findUserByEmail(deps.db, DEMO_EXPERT_EMAIL);
  const demoExpert = experts.find((e) => e.email === DEMO_EXPERT_EMAIL);
  if (account && demoExpert && !demoExpert.user_id) await linkExpertIfUnlinked(deps.db, demoExpert.id, account.id, now);
  for (const p of await listAllPrograms(deps.db)) {
    if (!p.slug.endsWith('-demo')) continue;
    await insertProgramExpertsIfMissing(deps.db, experts.map((e) => ({
      program_id: p.id, expert_id: e.id, track_id: null, status: 'accepted', max_load: null, availability_note: null,
      invite_token_hash: null, invited_by: null, invited_at: now, responded_at: now,
    })));
  }
}
