// Command-line options of `npm run bench -- [filter…] [--name=value | --name value]`.
// Filters are the other words; an option's value is never taken for a filter.

const args = process.argv.slice(2);

/** The words that are not options or their values: the scenario filters. */
export function positionalArgs(): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-')) out.push(a);
    else if (!a.includes('=') && i + 1 < args.length && !args[i + 1].startsWith('--')) i++; // "--seconds 30"
  }
  return out;
}

/** A numeric option, e.g. `--seconds=30`; the fallback when absent. A bad value stops the run. */
export function numberOption(name: string, fallback: number): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const raw = a.startsWith(`--${name}=`) ? a.slice(name.length + 3) : a === `--${name}` ? args[i + 1] : undefined;
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: "${raw}" is not a positive number`);
    return n;
  }
  return fallback;
}
