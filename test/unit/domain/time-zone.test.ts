import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatDateTime,
  formatSheetSerial,
  isOnOrBefore,
  toSheetSerial,
} from '../../../functions/src/domain/time-zone.js';
import { buildRollup, type RollupOrgInput } from '../../../functions/src/domain/rollup.js';
import { tallyOrganisation } from '../../../functions/src/domain/tally.js';
import { blocInput, orgA, ZONE } from '../../fixtures/bloc.js';
import { SCALE } from '../../fixtures/evaluations.js';

/** Deadline 23:59:59 on 15/01/2025 in Hà Nội = 16:59:59 UTC; local midnight = 17:00 UTC. */
const DEADLINE = '2025-01-15T23:59:59+07:00';

const submitted = (at: string): RollupOrgInput => ({
  orgId: 'x',
  name: 'Chi bộ X',
  state: 'submitted',
  expectedMembers: null,
  lastSubmission: { at, by: 'x@example.vn' },
  tally: tallyOrganisation(orgA, SCALE),
});
const missing: RollupOrgInput = { orgId: 'm', name: 'Chi bộ M', state: 'not_submitted', expectedMembers: null, lastSubmission: null, tally: null };

const rollupAt = (now: string, orgs: RollupOrgInput[], deadline = DEADLINE) =>
  buildRollup(blocInput({ deadline, now, orgs, previous: null }));

describe('on time, late and missing across the Asia/Ho_Chi_Minh midnight', () => {
  it('is on time at the deadline’s last second and late one second later (local midnight)', () => {
    expect(isOnOrBefore('2025-01-15T16:59:59Z', DEADLINE)).toBe(true);
    expect(isOnOrBefore('2025-01-15T17:00:00Z', DEADLINE)).toBe(false);
    const r = rollupAt('2025-01-20T08:00:00+07:00', [submitted('2025-01-15T16:59:59Z'), { ...submitted('2025-01-15T17:00:00Z'), orgId: 'y' }]);
    expect(r.submission).toMatchObject({ submitted: 2, onTime: 1, late: 1, missing: 0 });
    expect(r.overdue).toEqual([
      {
        orgId: 'y',
        name: 'Chi bộ X',
        status: 'late',
        daysToDeadline: -1,
        note: 'Nộp muộn 1 ngày',
        lastSubmission: { at: '2025-01-15T17:00:00Z', by: 'x@example.vn', text: '16/01/2025 00:00' },
      },
    ]);
  });

  it('counts the days left by local calendar day, not by UTC date', () => {
    // 00:30 on 15/01 in Hà Nội is still 14/01 in UTC: the deadline is today, not tomorrow.
    expect(calendarDaysBetween('2025-01-14T17:30:00Z', DEADLINE, ZONE)).toBe(0);
    expect(rollupAt('2025-01-14T17:30:00Z', [missing]).overdue[0]).toMatchObject({ daysToDeadline: 0, note: 'Hết hạn hôm nay' });
    // 23:59 on 14/01 local: one day left.
    expect(rollupAt('2025-01-14T16:59:00Z', [missing]).overdue[0]).toMatchObject({ daysToDeadline: 1, note: 'Còn 1 ngày' });
    // Local midnight after the deadline: one day past.
    expect(rollupAt('2025-01-15T17:00:00Z', [missing]).overdue[0]).toMatchObject({ daysToDeadline: -1, note: 'Quá hạn 1 ngày' });
    expect(rollupAt('2025-01-05T09:00:00+07:00', [missing]).overdue[0]).toMatchObject({ daysToDeadline: 10, note: 'Còn 10 ngày' });
  });

  it('tells a same-day miss from a same-day deadline', () => {
    const fivePm = '2025-01-15T17:00:00+07:00';
    expect(rollupAt('2025-01-15T18:00:00+07:00', [missing], fivePm).overdue[0]).toMatchObject({
      daysToDeadline: 0,
      note: 'Quá hạn (hết hạn hôm nay)',
    });
    expect(rollupAt('2025-01-15T18:00:00+07:00', [submitted('2025-01-15T17:30:00+07:00')], fivePm).overdue[0]).toMatchObject({
      status: 'late',
      daysToDeadline: 0,
      note: 'Nộp muộn trong ngày hết hạn',
    });
  });

  it('counts the missing organisation in the submission table before the deadline too', () => {
    const r = rollupAt('2025-01-10T09:00:00+07:00', [missing, submitted('2025-01-09T09:00:00+07:00')]);
    expect(r.submission).toMatchObject({ total: 2, submitted: 1, onTime: 1, late: 0, missing: 1 });
    expect(r.submission.percent).toEqual({ submitted: 50, onTime: 50, late: 0, missing: 50 });
  });
});

describe('local time rendering', () => {
  it('formats an instant as dd/MM/yyyy HH:mm in the bloc zone', () => {
    expect(formatDateTime('2024-12-31T17:05:00Z', ZONE)).toBe('01/01/2025 00:05');
    expect(formatDateTime('2025-03-09T08:07:00+07:00', ZONE)).toBe('09/03/2025 08:07');
  });

  it('turns an instant into a spreadsheet serial of the local time and back', () => {
    expect(toSheetSerial('2025-01-01T00:00:00+07:00', ZONE)).toBe(45658);
    expect(toSheetSerial('2024-12-31T17:00:00Z', ZONE)).toBe(45658);
    expect(toSheetSerial('2025-01-01T12:00:00+07:00', ZONE)).toBe(45658.5);
    expect(formatSheetSerial(toSheetSerial('2025-01-17T01:15:00Z', ZONE))).toBe('17/01/2025 08:15');
  });

  it('refuses an instant it cannot read', () => {
    expect(() => formatDateTime('not a date', ZONE)).toThrow(/invalid instant/);
  });
});
