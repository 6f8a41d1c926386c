// GB/T 2260 regions and GB/T 4754 industries are large tables: they are fetched as their own
// chunk the first time a region or industry field (or the organization form) needs them.
import { useEffect, useState } from 'react';

type RegionsModule = typeof import('@lvping/domain/reference/regions.ts');
type IndustryModule = typeof import('@lvping/domain/reference/industry.ts');
type IndustryScheme = import('@lvping/domain/reference/industry.ts').IndustryScheme;
type IndustryLevel = import('@lvping/domain/reference/industry.ts').IndustryLevel;
type RegionLevel = import('@lvping/domain/reference/regions.ts').RegionLevel;

export type CascaderOption = { value: string; label: string; children?: CascaderOption[]; isLeaf?: boolean };
export type IndustryNode = { value: string; title: string; disabled?: boolean; children?: IndustryNode[] };

let regionsModule: Promise<RegionsModule> | undefined;
let industryModule: Promise<IndustryModule> | undefined;

export const loadRegions = () => (regionsModule ??= import('@lvping/domain/reference/regions.ts'));
export const loadIndustries = () => (industryModule ??= import('@lvping/domain/reference/industry.ts'));

/** The module once loaded (null until then); starts the load on first use. */
function useModule<M>(load: () => Promise<M>): M | null {
  const [mod, setMod] = useState<M | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setMod(() => m));
    return () => {
      live = false;
    };
  }, [load]);
  return mod;
}

export const useRegions = () => useModule(loadRegions);
export const useIndustries = () => useModule(loadIndustries);

const depth: Record<RegionLevel, number> = { province: 1, city: 2, county: 3 };
const regionTrees = new Map<RegionLevel, CascaderOption[]>();

/** Province → city → county options, cut at `level` (built once per level). */
export function regionOptions(m: RegionsModule, level: RegionLevel): CascaderOption[] {
  const cached = regionTrees.get(level);
  if (cached) return cached;
  const build = (code: string | undefined, d: number): CascaderOption[] =>
    m.childRegions(code).map((r) => {
      const children = d < depth[level] ? build(r.code, d + 1) : [];
      return children.length ? { value: r.code, label: r.name, children } : { value: r.code, label: r.name, isLeaf: true };
    });
  const tree = build(undefined, 1);
  regionTrees.set(level, tree);
  return tree;
}

/** The cascader path of a region code: [province, city, county] as far as the code goes. */
export function regionCascaderPath(m: RegionsModule, code: string): string[] {
  const r = m.regionByCode(code);
  if (!r) return [];
  return [r.provinceCode, r.cityCode, r.level === 'county' ? r.code : undefined].filter(
    (c, i, all): c is string => c !== undefined && all.indexOf(c) === i,
  );
}

const levels: IndustryLevel[] = ['section', 'division', 'group', 'class'];
const industryTrees = new Map<string, IndustryNode[]>();

/** The industry tree; codes coarser than `level` cannot be chosen (they only open their children). */
export function industryTree(m: IndustryModule, scheme: IndustryScheme, level: IndustryLevel): IndustryNode[] {
  const key = `${scheme}:${level}`;
  const cached = industryTrees.get(key);
  if (cached) return cached;
  const minDepth = levels.indexOf(level);
  const build = (code: string | undefined): IndustryNode[] =>
    m.industryChildren(code, scheme).map((i) => {
      const children = build(i.code);
      const node: IndustryNode = { value: i.code, title: `${i.code} ${i.name}`, disabled: levels.indexOf(i.level) < minDepth };
      return children.length ? { ...node, children } : node;
    });
  const tree = build(undefined);
  industryTrees.set(key, tree);
  return tree;
}
