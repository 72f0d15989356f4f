import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENDATION, DISCIPLINE, EDUCATION, LEADER_TIER, ORG_STATE, PLEDGE_RESULT, POLITICAL_THEORY, RATING, RESIDENCE_FEEDBACK, UNRATED_REASON } from '../../../functions/src/domain/enums.js';
import { ORG_FIGURE_KEYS, type OrgFigures } from '../../../functions/src/domain/org-figures.js';
import { buildRollup, type RollupOrgInput } from '../../../functions/src/domain/rollup.js';
import type { Evaluation } from '../../../functions/src/domain/schema.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { buildTerm } from '../../../functions/src/domain/term.js';
import { blocInput } from '../../fixtures/bloc.js';
import { makeEvaluation, SCALE } from '../../fixtures/evaluations.js';

/**
 * Tally each organisation, roll the tallies up, and the totals equal a count made directly
 * over the raw rows of the submitted organisations (written here without the domain code).
 */
const DEADLINE_MS = Date.parse('2025-01-15T17:00:00+07:00');
const nullable = <T>(values: readonly T[]) => fc.constantFrom<T | null>(null, ...values);

const evaluationArb: fc.Arbitrary<Evaluation> = fc
  .record({
    cardNumber: fc.constantFrom('A1', 'A2', 'a2', 'B-3', 'C.4', 'D5', 'E6', 'F7'),
    isLeader: fc.boolean(),
    gender: nullable(['male', 'female'] as const),
    rating: fc.constantFrom(...RATING.codes),
    unratedReason: nullable(UNRATED_REASON.codes),
    exemplary: fc.constantFrom(...SCALE),
    education: nullable(EDUCATION.codes),
    politicalTheory: nullable(POLITICAL_THEORY.codes),
    residenceFeedback: nullable(RESIDENCE_FEEDBACK.codes),
    studiedResolution: nullable([true, false]),
    pledge: nullable(['', '   ', 'Tiết kiệm, chống lãng phí']),
    pledgeResult: nullable(PLEDGE_RESULT.codes),
    discipline: nullable(DISCIPLINE.codes),
    commendation: nullable(COMMENDATION.codes),
    leaderTier: nullable(LEADER_TIER.codes),
  })
  .map((fields) => makeEvaluation(fields));

const orgArb = fc.record({
  state: fc.constantFrom(...ORG_STATE.codes),
  members: fc.array(evaluationArb, { maxLength: 12 }),
  /** Minutes from the deadline of the last submission. */
  minutes: fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
  /** The organisation's own figures: none sent, or each figure blank (not reported) or a count. */
  figures: fc.option(
    fc.record(Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, fc.option(fc.nat({ max: 500 }), { nil: null })])) as Record<keyof OrgFigures, fc.Arbitrary<number | null>>),
    { nil: null },
  ),
});

/** The figures counted directly: per figure the sum and the number of submitted organisations that gave it. */
function directFigures(orgs: readonly { state: string; figures: OrgFigures | null }[]) {
  const submitted = orgs.filter((o) => o.state !== 'not_submitted');
  if (!submitted.some((o) => o.figures !== null)) return undefined;
  const per = (pick: (f: OrgFigures) => number | null) => submitted.map((o) => (o.figures ? pick(o.figures) : null)).filter((v) => v !== null);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const both = submitted.flatMap((o) => (o.figures && o.figures.massesTotal !== null && o.figures.massesStudied !== null ? [o.figures] : []));
  return {
    orgs: submitted.length,
    totals: Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, sum(per((f) => f[k]))])),
    reported: Object.fromEntries(ORG_FIGURE_KEYS.map((k) => [k, per((f) => f[k]).length])),
    massesBoth: { total: sum(both.map((f) => f.massesTotal ?? 0)), studied: sum(both.map((f) => f.massesStudied ?? 0)) },
  };
}

function directCount(orgs: readonly { state: string; members: readonly Evaluation[] }[]) {
  const zero = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
  const c = {
    listed: 0, female: 0, leaders: 0, classified: 0, notClassified: 0,
    notClassifiedByReason: zero(['new_member', 'exempt', 'suspended', 'absent']),
    levels: zero(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']),
    exemplary: { leader: zero(SCALE), nonLeader: zero(SCALE) },
    education: { filled: 0, universityPlus: 0 },
    politicalTheory: { filled: 0, intermediatePlus: 0 },
    residence: zero(['good', 'not_good', 'not_applicable', 'missing']),
    studiedResolution: 0,
    pledge: { registered: 0, completed: 0 },
    discipline: zero(['reprimand', 'warning', 'dismissal', 'expulsion']),
    commendation: zero(['grassroots', 'bloc', 'province', 'central']),
    commendedLeaders: 0,
  };
  const counted: typeof c & { tiers?: { reported: number; members: Record<string, number>; commended: Record<string, number>; exemplary: Record<string, Record<string, number>> } } = c;
  const inc = (record: Record<string, number>, key: string) => {
    record[key] = (record[key] ?? 0) + 1;
  };
  for (const org of orgs) {
    if (org.state === 'not_submitted') continue;
    for (const m of org.members) {
      c.listed++;
      if (m.gender === 'female') c.female++;
      if (m.isLeader) c.leaders++;
      if (m.rating === 'KXL') {
        c.notClassified++;
        if (m.unratedReason) inc(c.notClassifiedByReason, m.unratedReason);
      } else {
        c.classified++;
        inc(c.levels, m.rating);
      }
      inc(m.isLeader ? c.exemplary.leader : c.exemplary.nonLeader, m.exemplary);
      if (m.education) c.education.filled++;
      if (m.education === 'bachelor' || m.education === 'master' || m.education === 'doctorate') c.education.universityPlus++;
      if (m.politicalTheory) c.politicalTheory.filled++;
      if (['intermediate', 'advanced', 'bachelor'].includes(m.politicalTheory ?? '')) c.politicalTheory.intermediatePlus++;
      inc(c.residence, m.residenceFeedback ?? 'missing');
      if (m.studiedResolution) c.studiedResolution++;
      if ((m.pledge ?? '').trim().length > 0) {
        c.pledge.registered++;
        if (m.pledgeResult === 'completed') c.pledge.completed++;
      }
      if (m.discipline && m.discipline !== 'none') inc(c.discipline, m.discipline);
      if (m.commendation && m.commendation !== 'none') {
        inc(c.commendation, m.commendation);
        if (m.isLeader) c.commendedLeaders++;
      }
      if (m.leaderTier != null) {
        counted.tiers ??= {
          reported: 0,
          members: zero(['unit_head', 'department_head']),
          commended: zero(['unit_head', 'department_head']),
          exemplary: { unit_head: zero(SCALE), department_head: zero(SCALE) },
        };
        counted.tiers.reported++;
        if (m.leaderTier !== 'none') {
          inc(counted.tiers.members, m.leaderTier);
          if (m.commendation && m.commendation !== 'none') inc(counted.tiers.commended, m.leaderTier);
          inc(counted.tiers.exemplary[m.leaderTier] ?? {}, m.exemplary);
        }
      }
    }
  }
  return counted;
}

describe('tally per organisation, then roll up = count the raw rows', () => {
  it('holds for random organisations', () => {
    fc.assert(
      fc.property(fc.array(orgArb, { maxLength: 6 }), (orgs) => {
        const inputs: RollupOrgInput[] = orgs.map((org, i) => ({
          orgId: `org-${i}`,
          name: `Chi bộ ${i}`,
          state: org.state,
          expectedMembers: null,
          lastSubmission: { at: new Date(DEADLINE_MS + org.minutes * 60_000).toISOString(), by: `${i}@example.vn` },
          tally: tallyOrganisation(org.members, SCALE),
          orgFigures: org.figures,
        }));
        const r = buildRollup(blocInput({ orgs: inputs, previous: null }));
        const expected = directCount(orgs);
        expect(r.totals).toEqual(expected);
        expect(r.figures).toEqual(directFigures(orgs));

        // Submission table.
        const submitted = orgs.filter((o) => o.state !== 'not_submitted');
        expect(r.submission.submitted).toBe(submitted.length);
        expect(r.submission.late).toBe(submitted.filter((o) => o.minutes > 0).length);
        expect(r.submission.onTime + r.submission.late + r.submission.missing).toBe(orgs.length);
        expect(r.overdue).toHaveLength(orgs.length - submitted.length + r.submission.late);

        // Duplicate cards: same card (ignoring case) in two or more submitted organisations.
        const owners = new Map<string, Set<number>>();
        orgs.forEach((org, i) => {
          if (org.state === 'not_submitted') return;
          for (const m of org.members) owners.set(m.cardNumber.toUpperCase(), (owners.get(m.cardNumber.toUpperCase()) ?? new Set()).add(i));
        });
        const duplicated = [...owners.entries()].filter(([, set]) => set.size >= 2);
        expect(r.duplicateCards.map((d) => d.cardNumber.toUpperCase()).sort()).toEqual(duplicated.map(([card]) => card).sort());
        for (const d of r.duplicateCards) {
          expect(d.orgIds).toEqual([...(owners.get(d.cardNumber.toUpperCase()) ?? [])].map((i) => `org-${i}`));
        }

        // Shares of one distribution: each within 0,1 of the exact share, adding up to 100.
        const levels = Object.values(r.derived.levels);
        if (expected.classified === 0) expect(levels).toEqual([null, null, null, null]);
        else {
          expect(levels.reduce<number>((s, p) => s + (p ?? 0), 0)).toBeCloseTo(100, 6);
          for (const [level, share] of Object.entries(r.derived.levels)) {
            const exact = ((expected.levels[level] ?? 0) * 100) / expected.classified;
            expect(Math.abs((share ?? 0) - exact)).toBeLessThan(0.1 + 1e-9);
          }
        }
        expect(r.derived.exemplary.total.total).toBe(expected.listed);
        expect(r.derived.residence.concerned).toBe(expected.listed - (expected.residence.not_applicable ?? 0));
      }),
      { numRuns: 300 },
    );
  });

  it('a term sums each year’s flows as counted on the raw rows, and never sums a stock', () => {
    type Org = { state: (typeof ORG_STATE.codes)[number]; members: Evaluation[]; minutes: number; figures: OrgFigures | null };
    const rollupOf = (year: number, orgs: readonly Org[]) =>
      buildRollup(
        blocInput({
          year,
          previous: null,
          orgs: orgs.map((org, i) => ({
            orgId: `org-${i}`,
            name: `Chi bộ ${i}`,
            state: org.state,
            expectedMembers: null,
            lastSubmission: null,
            tally: tallyOrganisation(org.members, SCALE),
            orgFigures: org.figures,
          })),
        }),
      );
    fc.assert(
      fc.property(fc.array(fc.array(orgArb, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (years) => {
        const rollups = new Map(years.map((orgs, i) => [2021 + i, rollupOf(2021 + i, orgs)]));
        const term = buildTerm({ from: 2021, to: 2025 }, rollups);
        const get = (key: string) => term.indicators.find((i) => i.key === key);
        const submittedRows = years.flatMap((orgs) => orgs.filter((o) => o.state !== 'not_submitted').flatMap((o) => o.members));
        const commended = submittedRows.filter((m) => m.commendation !== null && m.commendation !== 'none');
        expect(get('commended')?.total).toBe(commended.length);
        // A tier count is null for a year where no submitted member had “Cấp lãnh đạo” filled.
        const tierYears = years.filter((orgs) => orgs.some((o) => o.state !== 'not_submitted' && o.members.some((m) => m.leaderTier != null)));
        expect(get('commended.unit_head')?.total).toBe(tierYears.length === 0 ? null : commended.filter((m) => m.leaderTier === 'unit_head').length);
        for (const key of ['worksRegistered', 'worksCompleted', 'models'] as const) {
          const perYear = years.map((orgs) => directFigures(orgs));
          const reported = perYear.filter((f) => f !== undefined && (f.reported[key] ?? 0) > 0);
          expect(get(key)?.total).toBe(reported.length === 0 ? null : reported.reduce((sum, f) => sum + (f?.totals[key] ?? 0), 0));
        }
        expect(get('listed')?.total).toBeNull();
        expect(get('listed')?.values).toEqual([...years.map((orgs) => directCount(orgs).listed), ...Array.from({ length: 5 - years.length }, () => null)]);
      }),
      { numRuns: 150 },
    );
  });
});
