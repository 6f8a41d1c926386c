import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ProgramAwardRuleSchema, programAwardWinners, proposeTiers } from '@lvping/domain';

// `npm run cli -- tiers FILE` and `npm run cli -- awards FILE`: the tier proposal and the
// program-award rule the platform runs (packages/domain/src/decision), on a JSON file, printed
// as JSON, so anyone can check a decision from outside. Need no database.
//
// tiers:  { "ranked": [{ "applicationId", "rank", "score", "pAbove"? }], "tiers": [{ "id", "name"?, "count"?, "minScore"? }], "counts"?: { tierId: n } }
// awards: { "rule": { "kind": "unitsInEveryTrack" | "topUnitsByCount" | "manual", … }, "participations": [{ "unitId", "unitName", "trackId", "applicationId", "stage", "awarded" }], "tracks": [{ "id", "entry", "name"? }] }

const TiersInput = z.strictObject({
  ranked: z.array(z.strictObject({ applicationId: z.string().min(1), rank: z.number().int().min(1), score: z.number(), pAbove: z.number().min(0).max(1).nullable().optional() })),
  tiers: z.array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), nameEn: z.string().optional(), count: z.number().int().min(0).optional(), minScore: z.number().optional() })),
  counts: z.record(z.string(), z.number().int().min(0)).optional(),
});
const AwardsInput = z.strictObject({
  rule: ProgramAwardRuleSchema,
  participations: z.array(z.strictObject({
    unitId: z.string().min(1), unitName: z.string().min(1), trackId: z.string().min(1), applicationId: z.string().min(1), stage: z.enum(['endorsed', 'screened']), awarded: z.boolean(),
  })),
  tracks: z.array(z.strictObject({ id: z.string().min(1), entry: z.string().min(1), name: z.string().optional() })),
});

async function readInput<T>(file: string | undefined, schema: z.ZodType<T>, command: string): Promise<{ ok: T } | { code: number }> {
  if (!file) {
    console.error(`${command} needs a JSON file: npm run cli -- ${command} FILE`);
    return { code: 2 };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    console.error(`${file}: no such file`);
    return { code: 2 };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    console.error(`${file}: not JSON (${(e as Error).message})`);
    return { code: 1 };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return { code: 1 };
  }
  return { ok: parsed.data };
}

export async function runTiers(file: string | undefined): Promise<number> {
  const input = await readInput(file, TiersInput, 'tiers');
  if ('code' in input) return input.code;
  const result = proposeTiers(input.ok.ranked, input.ok.tiers, input.ok.counts);
  console.log(JSON.stringify(result, null, 2));
  return 0;
}

export async function runAwards(file: string | undefined): Promise<number> {
  const input = await readInput(file, AwardsInput, 'awards');
  if ('code' in input) return input.code;
  console.log(JSON.stringify(programAwardWinners(input.ok.rule, input.ok.participations, input.ok.tracks), null, 2));
  return 0;
}
