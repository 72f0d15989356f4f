import { compareYears } from './comparison.js';
import { calendarDaysBetween, formatDateTime, isOnOrBefore } from './time-zone.js';
import { derive, distribution } from './derive.js';
import { formatInt, formatPercent, percentOf } from './format.js';
import {
  type BlocRollup,
  type OrgRow,
  type OverdueRow,
  type RollupInput,
  type RollupOrgInput,
  type RollupWarning,
} from './rollup-schema.js';
import { sumOrgFigures } from './org-figures.js';
import { sharedCards } from './shared-cards.js';
import { sumTallies, type OrgTally, type TallyCounts } from './tally.js';

export * from './rollup-schema.js';

/**
 * From each organisation's stored tally to the bloc's rollup (the data of the summary
 * workbook). Pure: “now”, the deadline and the zone come in with the input.
 */
const q = (text: string): string => `“${text}”`;

/** The rollup's own warnings, shown on “Theo tổ chức” to the bloc's leaders and admins. */
export const ROLLUP_WARNINGS = {
  QUOTA_EXCEEDED: (p: { excellent: number; good: number; percent: number; quota: number; acceptedReason: string | null }) =>
    `Vượt tỷ lệ HTXSNV: ${formatInt(p.excellent)} đồng chí HTXSNV, bằng ${formatPercent(p.percent)} số đảng viên HTTNV ` +
    `(${formatInt(p.good)} đồng chí), tối đa ${formatPercent(p.quota)}.` +
    (p.acceptedReason ? ` Đã được chấp nhận, lý do: ${q(p.acceptedReason)}.` : ''),
  ROW_COUNT_DIFFERS: (p: { expected: number; listed: number }) =>
    `Danh sách có ${formatInt(p.listed)} đảng viên, khác số đảng viên dự kiến (${formatInt(p.expected)}).`,
  CARD_DUPLICATE: (p: { items: readonly string[]; more: number }) =>
    `Số thẻ đảng viên trùng với tổ chức khác: ${p.items.join('; ')}` +
    (p.more > 0 ? ` và ${formatInt(p.more)} số thẻ khác.` : '.'),
} as const;

const DUPLICATES_SHOWN = 5;

/** Submitted = any state after “chưa nộp”; only submitted organisations' tallies count. */
const isSubmitted = (org: RollupOrgInput): boolean => org.state !== 'not_submitted';
const countedTally = (org: RollupOrgInput): RollupOrgInput['tally'] => (isSubmitted(org) ? org.tally : null);

/** Cards listed by ≥ 2 organisations, from the tallies' card lists (the naive way, tests). */
const holdersFromTallies = (orgs: readonly RollupOrgInput[]): Record<string, string>[] =>
  sharedCards(orgs.map((org) => ({ orgId: org.orgId, cards: countedTally(org)?.cardNumbers ?? [] })));

/**
 * Card → ids of the counted organisations listing it, in org order; the card as the first of
 * them wrote it. From the confirmed shared cards when given, else from the tallies: the same answer.
 */
function duplicateCards(orgs: readonly RollupOrgInput[], cardHolders: RollupInput['cardHolders']): BlocRollup['duplicateCards'] {
  const position = new Map<string, number>();
  for (const [i, org] of orgs.entries()) if (countedTally(org) !== null) position.set(org.orgId, i);
  const candidates = (cardHolders ?? holdersFromTallies(orgs)).map((record) => new Map(Object.entries(record)));
  const duplicates: BlocRollup['duplicateCards'] = [];
  for (const holders of candidates) {
    const orgIds = [...holders.keys()].filter((id) => position.has(id)).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const first = orgIds[0];
    const cardNumber = first === undefined ? undefined : holders.get(first);
    if (orgIds.length >= 2 && cardNumber !== undefined) duplicates.push({ cardNumber, orgIds });
  }
  return duplicates.sort((a, b) => (a.cardNumber < b.cardNumber ? -1 : a.cardNumber > b.cardNumber ? 1 : 0));
}

function orgWarnings(
  org: RollupOrgInput,
  quotaPercent: number,
  duplicates: BlocRollup['duplicateCards'],
  names: ReadonlyMap<string, string>,
): RollupWarning[] {
  const tally = countedTally(org);
  if (tally === null) return [];
  const warnings: RollupWarning[] = [];
  const { HTXSNV: excellent, HTTNV: good } = tally.levels;
  if (excellent * 100 > quotaPercent * good) {
    const percent = percentOf(excellent, good) ?? 100;
    const acceptedReason = org.acceptedQuotaReason?.trim() || null;
    const message = ROLLUP_WARNINGS.QUOTA_EXCEEDED({ excellent, good, percent, quota: quotaPercent, acceptedReason });
    warnings.push({ code: 'QUOTA_EXCEEDED', message });
  }
  if (org.expectedMembers !== null && org.expectedMembers !== tally.listed) {
    const message = ROLLUP_WARNINGS.ROW_COUNT_DIFFERS({ expected: org.expectedMembers, listed: tally.listed });
    warnings.push({ code: 'ROW_COUNT_DIFFERS', message });
  }
  const mine = duplicates.filter((d) => d.orgIds.includes(org.orgId));
  if (mine.length > 0) {
    const items = mine.slice(0, DUPLICATES_SHOWN).map((d) => {
      const others = d.orgIds.filter((id) => id !== org.orgId).map((id) => names.get(id) ?? id);
      return `${q(d.cardNumber)} (${others.join(', ')})`;
    });
    const message = ROLLUP_WARNINGS.CARD_DUPLICATE({ items, more: mine.length - items.length });
    warnings.push({ code: 'CARD_DUPLICATE', message });
  }
  return warnings;
}

function orgRow(org: RollupOrgInput, input: RollupInput, warnings: RollupWarning[]): OrgRow {
  const tally = countedTally(org);
  const last = isSubmitted(org) ? org.lastSubmission : null;
  return {
    orgId: org.orgId,
    name: org.name,
    state: org.state,
    expectedMembers: org.expectedMembers,
    lastSubmission: last && {
      ...last,
      text: formatDateTime(last.at, input.timeZone),
      onTime: isOnOrBefore(last.at, input.deadline),
    },
    counts: tally && withoutCards(tally),
    excellentOfGood: tally && percentOf(tally.levels.HTXSNV, tally.levels.HTTNV),
    warnings,
  };
}

function withoutCards(tally: NonNullable<RollupOrgInput['tally']>): TallyCounts {
  if (tally.cardNumbers === undefined) return tally;
  const counts: Partial<OrgTally> = { ...tally };
  delete counts.cardNumbers;
  return counts as TallyCounts;
}

function dueNote(status: OverdueRow['status'], days: number, pastDeadline: boolean): string {
  if (status === 'late') return days < 0 ? `Nộp muộn ${formatInt(-days)} ngày` : 'Nộp muộn trong ngày hết hạn';
  if (days > 0) return `Còn ${formatInt(days)} ngày`;
  if (days < 0) return `Quá hạn ${formatInt(-days)} ngày`;
  return pastDeadline ? 'Quá hạn (hết hạn hôm nay)' : 'Hết hạn hôm nay';
}

/** Organisations that have not submitted, then those whose last submission came after the deadline. */
function overdueRows(rows: readonly OrgRow[], input: RollupInput): OverdueRow[] {
  const { deadline, now, timeZone } = input;
  const missing = rows
    .filter((row) => row.state === 'not_submitted')
    .map((row): OverdueRow => {
      const days = calendarDaysBetween(now, deadline, timeZone);
      const note = dueNote('missing', days, !isOnOrBefore(now, deadline));
      return { orgId: row.orgId, name: row.name, status: 'missing', daysToDeadline: days, note, lastSubmission: null };
    });
  const late = rows.flatMap((row): OverdueRow[] => {
    const last = row.lastSubmission;
    if (last === null || last.onTime) return [];
    const days = calendarDaysBetween(last.at, deadline, timeZone);
    const lastSubmission = { at: last.at, by: last.by, text: last.text };
    return [{ orgId: row.orgId, name: row.name, status: 'late', daysToDeadline: days, note: dueNote('late', days, true), lastSubmission }];
  });
  return [...missing, ...late];
}

export function buildRollup(input: RollupInput): BlocRollup {
  const { orgs, exemplaryScale, previous } = input;
  const duplicates = duplicateCards(orgs, input.cardHolders);
  const names = new Map(orgs.map((o) => [o.orgId, o.name]));
  const rows = orgs.map((org) => orgRow(org, input, orgWarnings(org, input.quotaPercent, duplicates, names)));

  // A submitted organisation without a recorded submission time counts as on time.
  const submitted = rows.filter((r) => r.state !== 'not_submitted');
  const late = submitted.filter((r) => r.lastSubmission !== null && !r.lastSubmission.onTime).length;
  const onTime = submitted.length - late;
  const missing = rows.length - submitted.length;
  const [pOnTime = null, pLate = null, pMissing = null] = distribution([onTime, late, missing]);
  const pSubmitted = pOnTime === null || pLate === null ? null : Math.round((pOnTime + pLate) * 10) / 10;

  const totals = sumTallies(
    rows.flatMap((r) => (r.counts ? [r.counts] : [])),
    exemplaryScale,
  );
  const derived = derive(totals, exemplaryScale);
  const submittedOrgs = orgs.filter(isSubmitted);
  const figures = submittedOrgs.some((o) => o.orgFigures != null) ? sumOrgFigures(submittedOrgs.map((o) => o.orgFigures ?? null)) : null;
  return {
    blocName: input.blocName,
    year: input.year,
    timeZone: input.timeZone,
    deadline: input.deadline,
    generatedAt: input.now,
    exemplaryScale: [...exemplaryScale],
    quotaPercent: input.quotaPercent,
    submission: {
      total: rows.length,
      submitted: submitted.length,
      onTime,
      late,
      missing,
      percent: { submitted: pSubmitted, onTime: pOnTime, late: pLate, missing: pMissing },
    },
    totals,
    derived,
    orgs: rows,
    overdue: overdueRows(rows, input),
    duplicateCards: duplicates,
    comparison: previous
      ? compareYears(
          { orgs: rows.length, totals, derived },
          { orgs: previous.submission.total, totals: previous.totals, derived: previous.derived },
          exemplaryScale,
        )
      : [],
    previousYear: previous?.year ?? null,
    report: input.report ?? null,
    ...(figures ? { figures } : {}),
  };
}
