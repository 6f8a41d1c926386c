// Complete answers to 2025河南省工业绿色低碳发展创新大赛's two city-recommended forms (附件1): the
// technology form 'jishu' (清洁生产 / 节能降碳 / 资源高效利用) and the product form 'sheji'
// (工业绿色设计产品). Every field the applicant must fill, with its uploads; the 推荐单位意见
// section is the city's and stays empty here.

type FileRef = { id: string; name: string; size: number; type: string };

export type HenanEnterprise = {
  name: string;
  /** GB/T 2260 county code in 河南 (41xxxx). */
  region: string;
  address: string;
  /** GB/T 4754 制造业 division (13–43). */
  industry: string;
  products: string;
  intro: string;
};

const basic = (e: HenanEnterprise, output2024: number, staff: number) => ({
  name: e.name, region: e.region, address: e.address, industry: e.industry, products: e.products, ownership: 'neizi-minying',
  output2024, staff, legalRepName: '张某', legalRepPhone: '0371-66000000', email: 'office@example.cn', fax: '0371-66000001', intro: e.intro,
});

export type HenanTech = {
  /** The track direction on the cover and the technology category: qingjie, jieneng or ziyuan. */
  direction: 'qingjie' | 'jieneng' | 'ziyuan';
  techName: string;
  scope: string;
  principle: string;
  practicality: string;
  replicability: string;
  project: { name: string; content: string; benefits: string };
};

/** 清洁生产 / 节能降碳 / 资源高效利用技术创新成果申报书, 完全自主知识产权 (no co-owner to name). */
export function henanTechAnswers(e: HenanEnterprise, t: HenanTech, files: { stamp: FileRef; license: FileRef; ipProof: FileRef; effectReport: FileRef; userReport: FileRef }) {
  return {
    cover: { applicantName: e.name, techName: t.techName, trackDirection: t.direction, contactName: '李工', contactPhone: '13838000000' },
    basic: basic(e, 865000, 3200),
    tech: { techName: t.techName, category: t.direction, stage: 'yingyong', scope: t.scope, ip: 'zizhu', principle: t.principle, practicality: t.practicality, replicability: t.replicability },
    project: t.project,
    pledge: { promise: true, stamp: { file: files.stamp, date: '2025-06-20' } },
    attachments: { license: files.license, ipProof: [files.ipProof], effectReports: [files.effectReport], userReports: [files.userReport] },
  };
}

export type HenanProduct = {
  productName: string;
  model: string;
  function: string;
  resource: string;
  energy: string;
  environment: string;
  quality: string;
  lowCarbon: string;
};

/** 工业绿色设计产品创新成果申报书: one model only, as the form asks. */
export function henanProductAnswers(e: HenanEnterprise, p: HenanProduct, files: { stamp: FileRef; license: FileRef; carbonFootprint: FileRef }) {
  return {
    cover: { applicantName: e.name, productName: p.productName, productModel: p.model, contactName: '赵工', contactPhone: '13938000000' },
    basic: basic(e, 126000, 860),
    product: { name: p.productName, model: p.model, function: p.function, resource: p.resource, energy: p.energy, environment: p.environment, quality: p.quality, lowCarbon: p.lowCarbon },
    pledge: { promise: true, stamp: { file: files.stamp, date: '2025-06-21' } },
    attachments: { license: files.license, carbonFootprint: [files.carbonFootprint] },
  };
}
