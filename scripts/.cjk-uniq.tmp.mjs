import yaml from 'js-yaml';
import fs from 'node:fs';
const seen = new Map();
for (const f of process.argv.slice(2)) {
const d = yaml.load(fs.readFileSync(f, 'utf8'));
const walk = (v, p, parent, key) => {
  if (typeof v === 'string') {
    if (!/[\u4e00-\u9fff]/.test(v) || key === 'body') return;
    if (parent && typeof key === 'string' && parent[key + 'En'] !== undefined) return;
    const gen = p.replace(/\.\d+/g, '[]');
    if (!seen.has(v)) seen.set(v, gen);
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, p + '.' + i, v, i));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p + '.' + k, v, k);
};
walk(d, '', null, null);
}
console.log(seen.size, [...seen.keys()].reduce((a, s) => a + s.length, 0));
const paths = {}; for (const g of seen.values()) paths[g] = (paths[g] ?? 0) + 1;
for (const [g, n] of Object.entries(paths).sort()) console.log(n, g);
