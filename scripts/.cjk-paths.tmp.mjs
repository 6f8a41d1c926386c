import yaml from 'js-yaml';
import fs from 'node:fs';
const f = process.argv[2];
const d = yaml.load(fs.readFileSync(f, 'utf8'));
const out = [];
const walk = (v, p) => {
  if (typeof v === 'string') { if (/[\u4e00-\u9fff]/.test(v)) out.push([p, v]); return; }
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, p + '.' + i));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p + '.' + k);
};
walk(d, '');
const keys = {};
for (const [p, v] of out) { if (/\.documents\.\d+\.body$/.test(p)) continue; const k = p.split('.').pop().replace(/^\d+$/, '[i]'); keys[k] = (keys[k] ?? 0) + 1; }
console.log(f, out.length, JSON.stringify(keys));
if (process.argv[3]) for (const [p, v] of out) if (!/body$/.test(p)) console.log(p, '=', v.slice(0, 80).replace(/\n/g, ' '));
