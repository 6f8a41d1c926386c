import { z } from 'zod';
import type { AssignmentInstance } from './instance.ts';

// The JSON file `npm run cli -- assign --in` reads (README: "Checking an assignment"). Shapes are
// checked here; values (ranges, lengths, duplicates) by normalize(), with the item named.

const Ints = z.array(z.number());
const IntOrList = z.union([z.number(), Ints]);
const PairsSchema = z.strictObject({ app: Ints, expert: Ints });

export const AssignmentFileSchema = z.strictObject({
  applications: z.number(),
  experts: z.number(),
  reviews: IntOrList,
  capacity: IntOrList,
  minLoad: IntOrList.optional(),
  loadCost: z.number().optional(),
  affinity: z.strictObject({ app: Ints, expert: Ints, score: Ints }).optional(),
  conflicts: PairsSchema.optional(),
  pins: PairsSchema.optional(),
  strong: z.strictObject({ threshold: z.number() }).optional(),
  candidatesPerApp: z.number().optional(),
  candidatesPerExpert: z.number().optional(),
  seed: z.number().optional(),
});

export function parseAssignmentFile(json: unknown): AssignmentInstance {
  return AssignmentFileSchema.parse(json);
}
