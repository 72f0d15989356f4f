import { describe, expect, it } from 'vitest';
import { emptyCounts, orgTallySchema, sumTallies, tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { orgA, orgB, orgD } from '../../fixtures/bloc.js';
import { CNG, makeEvaluation, NG, NGT, SCALE } from '../../fixtures/evaluations.js';

describe('tallyOrganisation', () => {
  it('counts the hand-checked organisation A exactly', () => {
    const tally = tallyOrganisation(orgA, SCALE);
    expect(tally).toEqual({
      listed: 6,
      female: 2,
      leaders: 2,
      classified: 5,
      notClassified: 1,
      notClassifiedByReason: { new_member: 1, exempt: 0, suspended: 0, absent: 0 },
      levels: { HTXSNV: 1, HTTNV: 3, HTNV: 1, KHTNV: 0 },
      exemplary: { leader: { [NGT]: 2, [NG]: 0, [CNG]: 0 }, nonLeader: { [NGT]: 1, [NG]: 3, [CNG]: 0 } },
      education: { filled: 5, universityPlus: 3 },
      politicalTheory: { filled: 4, intermediatePlus: 2 },
      residence: { good: 2, not_good: 1, not_applicable: 1, missing: 2 },
      studiedResolution: 3,
      pledge: { registered: 3, completed: 2 },
      discipline: { reprimand: 0, warning: 0, dismissal: 0, expulsion: 0 },
      commendation: { grassroots: 1, bloc: 1, province: 0, central: 0 },
      commendedLeaders: 2,
      cardNumbers: [...orgA.map((e) => e.cardNumber)].sort(),
    });
  });

  it('counts discipline, KHTNV and the lowest nêu gương level (organisation B)', () => {
    const tally = tallyOrganisation(orgB, SCALE);
    expect(tally.levels).toEqual({ HTXSNV: 0, HTTNV: 4, HTNV: 0, KHTNV: 1 });
    expect(tally.discipline.warning).toBe(1);
    expect(tally.exemplary.nonLeader).toEqual({ [NGT]: 2, [NG]: 1, [CNG]: 1 });
    expect(tally.education).toEqual({ filled: 4, universityPlus: 3 });
    expect(tally.residence).toEqual({ good: 4, not_good: 1, not_applicable: 0, missing: 0 });
    expect(tally.pledge).toEqual({ registered: 3, completed: 2 });
  });

  it('treats a blank pledge as not registered and ignores a result without a pledge', () => {
    const tally = tallyOrganisation([makeEvaluation({ pledge: ' \t', pledgeResult: 'completed' })], SCALE);
    expect(tally.pledge).toEqual({ registered: 0, completed: 0 });
  });

  it('counts a blank residence feedback as missing', () => {
    const tally = tallyOrganisation([makeEvaluation({ residenceFeedback: null })], SCALE);
    expect(tally.residence.missing).toBe(1);
  });

  it('counts “Không xếp loại” without a reason in the total only', () => {
    const tally = tallyOrganisation([makeEvaluation({ rating: 'KXL', unratedReason: null })], SCALE);
    expect(tally.notClassified).toBe(1);
    expect(Object.values(tally.notClassifiedByReason)).toEqual([0, 0, 0, 0]);
  });

  it('files a differently normalised label under the scale’s own spelling', () => {
    const tally = tallyOrganisation([makeEvaluation({ exemplary: '  nêu GƯƠNG tốt'.normalize('NFD') })], SCALE);
    expect(tally.exemplary.nonLeader).toEqual({ [NGT]: 1, [NG]: 0, [CNG]: 0 });
  });

  it('uses the bloc’s own scale for the keys', () => {
    const scale = ['Xuất sắc', 'Tốt', 'Trung bình', 'Yếu'];
    const tally = tallyOrganisation([makeEvaluation({ isLeader: true, exemplary: 'Tốt' })], scale);
    expect(tally.exemplary.leader).toEqual({ 'Xuất sắc': 0, Tốt: 1, 'Trung bình': 0, Yếu: 0 });
  });

  it('returns sorted, unique card numbers', () => {
    const tally = tallyOrganisation(
      [makeEvaluation({ cardNumber: 'B-2' }), makeEvaluation({ cardNumber: 'A-1' }), makeEvaluation({ cardNumber: 'B-2' })],
      SCALE,
    );
    expect(tally.cardNumbers).toEqual(['A-1', 'B-2']);
  });

  it('is an empty tally for no members', () => {
    expect(tallyOrganisation([], SCALE)).toEqual({ ...emptyCounts(SCALE), cardNumbers: [] });
  });

  it('survives a JSON round trip through its schema (Firestore storage)', () => {
    const tally = tallyOrganisation(orgA, SCALE);
    expect(orgTallySchema.parse(JSON.parse(JSON.stringify(tally)))).toEqual(tally);
  });

  it('rejects a stored tally missing a level', () => {
    const { HTNV: _dropped, ...levels } = tallyOrganisation(orgA, SCALE).levels;
    const broken = { ...tallyOrganisation(orgA, SCALE), levels };
    expect(orgTallySchema.safeParse(broken).success).toBe(false);
  });
});

describe('sumTallies', () => {
  it('adds every count of organisations A, B and D', () => {
    const total = sumTallies([orgA, orgB, orgD].map((members) => tallyOrganisation(members, SCALE)), SCALE);
    expect(total).toEqual({
      listed: 18,
      female: 3,
      leaders: 5,
      classified: 16,
      notClassified: 2,
      notClassifiedByReason: { new_member: 1, exempt: 0, suspended: 0, absent: 1 },
      levels: { HTXSNV: 2, HTTNV: 12, HTNV: 1, KHTNV: 1 },
      exemplary: { leader: { [NGT]: 5, [NG]: 0, [CNG]: 0 }, nonLeader: { [NGT]: 6, [NG]: 5, [CNG]: 2 } },
      education: { filled: 15, universityPlus: 11 },
      politicalTheory: { filled: 8, intermediatePlus: 6 },
      residence: { good: 11, not_good: 2, not_applicable: 3, missing: 2 },
      studiedResolution: 13,
      pledge: { registered: 12, completed: 10 },
      discipline: { reprimand: 0, warning: 1, dismissal: 0, expulsion: 0 },
      commendation: { grassroots: 1, bloc: 1, province: 1, central: 0 },
      commendedLeaders: 3,
    });
  });

  it('is all zeros for no tallies, keyed by the scale', () => {
    expect(sumTallies([], SCALE)).toEqual(emptyCounts(SCALE));
  });
});
