import { blocConfigSchema } from '../../../functions/src/bloc-config/schema.js';
import { buildRollup, type BlocRollup, type RollupOrgInput } from '../../../functions/src/domain/rollup.js';
import { ruleSettingsFor } from '../../../functions/src/domain/schema.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { validateSheet } from '../../../functions/src/domain/validate.js';
import { demoBlocConfig } from '../demo/bloc-config.js';
import { generateMemberSheet } from '../demo/members.js';

/**
 * The demo bloc's rollup without a database (validate → tally → rollup, the same domain code the
 * submit endpoint and the rollup job run), for looking at printed pages quickly. `orgs` > 74
 * repeats the demo organisations with numbered names (a 1.000-organisation bloc).
 */
const DAY = 86_400_000;

export function demoRollup(options: { orgs?: number; membersPer?: number } = {}): BlocRollup {
  const config = blocConfigSchema.parse(demoBlocConfig());
  const year = config.years['2025'];
  if (!year) throw new Error('the demo has no 2025');
  const base = year.orgs;
  const count = options.orgs ?? base.length;
  const deadline = Date.parse(year.deadline);
  const orgs: RollupOrgInput[] = Array.from({ length: count }, (_, i) => {
    const template = base[i % base.length];
    if (!template) throw new Error('no organisation');
    const round = Math.floor(i / base.length);
    const name = round === 0 ? template.name : `${template.name} (${String(round + 1)})`;
    const members = options.membersPer ?? template.expectedMembers;
    const missing = i % 31 === 17;
    const late = !missing && i % 23 === 5;
    const values = generateMemberSheet({ year: 2025, members, seed: i + 1, cardPrefix: String(i + 10) });
    const validation = validateSheet(values, ruleSettingsFor(2025, year, members));
    const at = new Date(late ? deadline + DAY : deadline - DAY + i * 60_000).toISOString();
    return {
      orgId: `org-${String(i + 1).padStart(4, '0')}`,
      name,
      state: missing ? 'not_submitted' : 'submitted',
      expectedMembers: members,
      lastSubmission: missing ? null : { at, by: template.secretaries[0] ?? 'bithu@demo.khoi.vn' },
      tally: missing ? null : tallyOrganisation(validation.rows.map((r) => r.evaluation), year.exemplaryScale),
      acceptedQuotaReason: null,
    };
  });
  return buildRollup({
    blocName: config.name,
    year: 2025,
    timeZone: config.timeZone,
    deadline: year.deadline,
    now: new Date(deadline + 5 * DAY).toISOString(),
    exemplaryScale: year.exemplaryScale,
    quotaPercent: year.quotaPercent,
    orgs,
    previous: null,
  });
}
