import yaml from 'js-yaml';
import fs from 'node:fs';
const f = process.argv[2];
const seen = new Map(JSON.parse(fs.existsSync('/tmp/tr/seen.json') ? fs.readFileSync('/tmp/tr/seen.json','utf8') : '[]'));
const d = yaml.load(fs.readFileSync(f, 'utf8'));
const lines = [];
const walk = (v, p, parent, key) => {
  if (typeof v === 'string') {
    if (!/[\u4e00-\u9fff]/.test(v) || key === 'body' || key === 'aliases') return;
    if (parent && typeof key === 'string' && parent[key + 'En'] !== undefined) return;
    if (seen.has(v)) return;
    const id = seen.size + 1; seen.set(v, id);
    lines.push(`${id}\t${key}\t${v.replace(/\n/g, '⏎')}`);
    return;
  }
  if (Array.isArray(v)) { if (key === 'aliases') return; v.forEach((x, i) => walk(x, p + '.' + i, v, i)); }
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p + '.' + k, v, k);
};
walk(d, '', null, null);
fs.writeFileSync('/tmp/tr/seen.json', JSON.stringify([...seen]));
console.log(lines.join('\n'));
