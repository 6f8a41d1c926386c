import { regionByCode, regionSatisfiesLevel } from '../reference/regions.ts';
import { checkLeafValue } from './field-checks.ts';
import type { FormAnswers } from './form-state.ts';
import type { FormTemplate, LeafField, PrefillSource } from './form-template.schema.ts';

// A new application starts with what the platform already knows about the applicant's
// organization: each field whose definition names a `prefill` source gets that value once, at
// creation. After that they are ordinary answers the applicant may change.

/** The organization's data a form may be prefilled from (the organization record's own names). */
export type PrefillOrganization = {
  name: string; creditCode: string; regionCode: string; address: string;
  contactName: string; contactPhone: string; contactEmail: string;
};

const valueOf = (org: PrefillOrganization, source: PrefillSource): string => org[source.slice('organization.'.length) as keyof PrefillOrganization] ?? '';

/** The organization's region at the field's level: a county's city for a city question, and so on. */
function regionAt(code: string, level: 'province' | 'city' | 'county'): string | undefined {
  const r = regionByCode(code);
  if (!r) return undefined;
  return [r.code, r.cityCode, r.provinceCode].find((c): c is string => !!c && regionSatisfiesLevel(c, level));
}

/**
 * The answers a new application starts with. A value the field would refuse (a name longer than
 * its maxChars, a phone in a format it does not take) is left out rather than stored: the draft
 * must pass the same checks autosave applies, and the applicant then types it as the form asks.
 */
export function prefillAnswers(template: FormTemplate, org: PrefillOrganization): FormAnswers {
  const answers: FormAnswers = {};
  for (const section of template.sections) {
    if (section.filledBy !== 'applicant') continue;
    for (const field of section.fields) {
      if (!('prefill' in field) || !field.prefill) continue;
      let value: string | undefined = valueOf(org, field.prefill).trim();
      if (field.kind === 'region') value = regionAt(value, field.level);
      if (!value) continue;
      let ok = true;
      checkLeafValue(field as Exclude<LeafField, { kind: 'computed' }>, value, `${section.id}.${field.id}`, { mode: 'draft', push: () => { ok = false; } });
      if (ok) (answers[section.id] ??= {})[field.id] = value;
    }
  }
  return answers;
}
