import yaml from 'js-yaml';
import fs from 'node:fs';
const f = process.argv[2];
const d = yaml.load(fs.readFileSync(f, 'utf8'));
const out = [];
const walk = (v, p, parent, key) => {
  if (typeof v === 'string') {
    if (!/[\u4e00-\u9fff]/.test(v)) return;
    if (key === 'body') return;
    if (parent && typeof key === 'string' && parent[key + 'En'] !== undefined) return;
    out.push([p, v]); return;
  }
  if (Array.isArray(v)) { if (parent && parent[key + 'En']) return; v.forEach((x, i) => walk(x, p + '.' + i, v, i)); }
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p + '.' + k, v, k);
};
walk(d, '', null, null);
const keys = {};
for (const [p] of out) { const k = p.split('.').pop().replace(/^\d+$/, '[i]'); keys[k] = (keys[k] ?? 0) + 1; }
console.log(f, out.length, JSON.stringify(keys));
if (process.argv[3]) for (const [p, v] of out) console.log(p, '=', v.slice(0, 100).replace(/\n/g, ' '));
