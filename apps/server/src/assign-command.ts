import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { assignmentQuality, AssignmentInputError, checkCertificate, normalize, parseAssignmentFile, solveAssignment, writeDimacs } from '@lvping/domain';
import { ZodError } from 'zod';

// `npm run cli -- assign --in instance.json --out result.json [--dimacs out.min]`: the solver the
// platform uses, on a file, so anyone can check an assignment from outside. Needs no database.

export type AssignArgs = { in?: string; out?: string; dimacs?: string };

const secondsSince = (t: number) => Math.round((performance.now() - t) / 1000 * 1000) / 1000;

/** Returns the exit code: 0 optimal, 1 infeasible or not certified, 2 bad arguments or input. */
export async function runAssign(args: AssignArgs, log: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  if (!args.in || !args.out) {
    err('assign needs --in <instance.json> and --out <result.json>');
    return 2;
  }
  const t0 = performance.now();
  let n;
  try {
    n = normalize(parseAssignmentFile(JSON.parse(await readFile(args.in, 'utf8'))));
  } catch (e) {
    if (e instanceof ZodError) err(`${args.in}: ${e.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ')}`);
    else if (e instanceof AssignmentInputError || e instanceof SyntaxError) err(`${args.in}: ${e.message}`);
    else if ((e as NodeJS.ErrnoException).code === 'ENOENT') err(`${args.in}: no such file`);
    else throw e;
    return 2;
  }
  if (args.dimacs) {
    const out = createWriteStream(args.dimacs);
    writeDimacs(n, (chunk) => out.write(chunk));
    out.end();
    await once(out, 'finish');
  }
  const r = solveAssignment(n);
  if (!r.feasible) {
    await writeFile(args.out, JSON.stringify({ feasible: false, message: r.message, shortfalls: r.shortfalls, seconds: secondsSince(t0) }, null, 1));
    err(`infeasible: ${r.message}`);
    return 1;
  }
  const t1 = performance.now();
  const check = checkCertificate(n, r);
  const certifySeconds = secondsSince(t1);
  const quality = assignmentQuality({ applications: n.A, experts: n.E, app: r.app, expert: r.expert, score: r.score, upperBound: r.upperBound, strongThreshold: n.threshold });
  const result = {
    feasible: true,
    objective: r.objective,
    upperBound: r.upperBound,
    totalAffinity: r.totalAffinity,
    loadPenalty: r.loadPenalty,
    certificate: {
      optimal: check.optimal,
      checkedPairs: check.checkedPairs,
      violations: check.violations,
      potentials: { app: [...r.potentials.app], strong: [...r.potentials.strong], expert: [...r.potentials.expert], sink: r.potentials.sink },
    },
    app: [...r.app],
    expert: [...r.expert],
    score: [...r.score],
    quality,
    seconds: secondsSince(t0),
    timings: { candidates: r.stats.candidateSeconds, solve: r.stats.solveSeconds, certify: certifySeconds },
  };
  await writeFile(args.out, JSON.stringify(result));
  log(`objective ${r.objective} (${quality.percentOfUpperBound ?? '–'}% of the affinity bound ${r.upperBound}); certificate ${check.optimal ? 'optimal' : 'NOT optimal: ' + check.violations[0]}; ${result.seconds} s`);
  return check.optimal ? 0 : 1;
}
