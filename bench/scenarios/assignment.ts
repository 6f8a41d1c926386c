// The exact review assignment (packages/domain/src/review/assignment) on seeded synthetic
// instances (bench/assignment-instance.ts: clustered embedding-like affinity, 2% conflicts,
// 3 reviews each), each run in a child process for its own peak RSS. A "request" is one
// certified solve: candidates + solve (with pricing) + certificate check. Baseline: one pass
// reading every score row of the 20,000 × 2,000 instance, the floor of any exact method.
// Aims (issue 8): 2,000×600 cap 12 ≤ 1 s; 20,000×2,000 cap 40 ≤ 5 s and ≤ 600 MB; cap 30 ≤ 15 s.
// BENCH_ASSIGN_RUNS (default 1) sets the runs per size.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../scenario.ts';
import { envInt, toMeasurement } from './timed-runs.ts';

const GROUP = 'assignment';
const child = fileURLToPath(new URL('../assignment-child.ts', import.meta.url));
const MAX_RSS_MB = 600;

async function runChild(args: string[]): Promise<Record<string, number | boolean>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(2) : String(x));

function scenario(A: number, E: number, capacity: number, maxMs: number, isBaseline = false): Scenario<null> {
  return {
    name: isBaseline ? `read all score rows ${A}×${E}` : `assign ${A}×${E} cap ${capacity}`,
    engine: 'domain',
    group: GROUP,
    isBaseline,
    aim: isBaseline ? undefined : { maxP99Ms: maxMs },
    setup: async () => null,
    async run(_s, ctx) {
      const samples: number[] = [];
      for (let i = 0; i < envInt('BENCH_ASSIGN_RUNS', 1); i++) {
        ctx.signal.throwIfAborted();
        const r = await runChild([String(A), String(E), String(capacity), ...(isBaseline ? ['pass'] : [])]);
        samples.push(Number(r.total) * 1000);
        if (isBaseline) ctx.log(`one pass: ${f(r.total)} s, RSS ${r.rssMB} MB`);
        else {
          ctx.log(`candidates ${f(r.candidates)} s, solve ${f(r.solve)} s (pricing ${f(r.pricing)} s, ${r.pricingRounds} rounds, ${r.addedPairs} pairs added), certify ${f(r.certify)} s; total ${f(r.total)} s`);
          ctx.log(`certificate ${r.optimal ? 'optimal' : 'NOT OPTIMAL'}; affinity ${r.percentOfBound}% of the upper bound; RSS ${r.rssMB} MB (aim ≤ ${MAX_RSS_MB})`);
          if (!r.optimal) throw new Error('the certificate did not check');
          if (Number(r.rssMB) > MAX_RSS_MB) throw new Error(`peak RSS ${r.rssMB} MB over ${MAX_RSS_MB} MB`);
        }
      }
      return toMeasurement(samples);
    },
  };
}

export const assignmentBaseline = scenario(20_000, 2_000, 40, 0, true);
export const assignmentScenarios = [scenario(2_000, 600, 12, 1_000), scenario(20_000, 2_000, 40, 5_000), scenario(20_000, 2_000, 30, 15_000)];
