import type { ConfigDiff, LoadedYear } from './contract-admin.js';
import { formatInt } from './format.js';
import { RULE_PACKS_BY_ID } from './rules.js';
import { defaultRulePack } from './schema.js';
import { localParts } from './time-zone.js';
import type { YearConfig } from './year-config.js';

/**
 * What applying a year's configuration would change, as the admin reads it before confirming:
 * organisations added, removed (or merged), changed (name, secretaries, expected members) and
 * the year's settings (deadline first). Pure: the stored year and organisations are passed in.
 */
export interface StoredOrgView {
  readonly orgId: string;
  readonly name: string;
  readonly secretaries: readonly string[];
  readonly expectedMembers: number;
  readonly inConfig: boolean;
}

export interface StoredSettingsView {
  readonly deadline: string;
  readonly rulePack: YearConfig['rulePack'];
  readonly exemplaryScale: readonly string[];
  readonly quotaMode: 'warning' | 'error';
  readonly quotaPercent: number;
  readonly evaluationDate: string | null;
  readonly summarySpreadsheetId: string | null;
  readonly mergedInto: Readonly<Record<string, string>>;
}

const moment = (iso: string, zone: string): string => {
  const { date, time } = localParts(iso, zone);
  return `${time} ngày ${date}`;
};
const day = (iso: string | null): string => (iso === null ? '(không ghi)' : iso.split('-').reverse().join('/'));
const list = (emails: readonly string[]): string => (emails.length === 0 ? '(không có)' : emails.join(', '));
const packTitle = (year: number, pack: YearConfig['rulePack']): string => RULE_PACKS_BY_ID[pack ?? defaultRulePack(year)].title;
const QUOTA_MODE = { warning: 'cảnh báo', error: 'chặn (lỗi)' } as const;

export function yearConfigDiff(stored: StoredSettingsView | undefined, orgs: readonly StoredOrgView[], wanted: YearConfig, timeZone: string): ConfigDiff {
  const byId = new Map(orgs.map((org) => [org.orgId, org]));
  const listed = new Set(wanted.orgs.map((org) => org.id));
  const added = wanted.orgs.filter((org) => byId.get(org.id)?.inConfig !== true).map((org) => ({ orgId: org.id, name: org.name }));
  const merged = { ...(stored?.mergedInto ?? {}), ...wanted.mergedInto };
  const removed = orgs
    .filter((org) => org.inConfig && !listed.has(org.orgId))
    .map((org) => ({ orgId: org.orgId, name: org.name, mergedInto: merged[org.orgId] ?? null }));
  // A merge recorded for an organisation that had already left the list is a change too.
  for (const [from, into] of Object.entries(wanted.mergedInto)) {
    const org = byId.get(from);
    if (org && !org.inConfig && stored?.mergedInto[from] !== into) removed.push({ orgId: from, name: org.name, mergedInto: into });
  }
  const changed = wanted.orgs.flatMap((org) => {
    const current = byId.get(org.id);
    if (current === undefined) return [];
    const fields: ConfigDiff['changed'][number]['fields'] = [];
    if (current.name !== org.name) fields.push({ field: 'name', label: 'tên', from: current.name, to: org.name });
    if (list([...current.secretaries].sort()) !== list(org.secretaries)) fields.push({ field: 'secretaries', label: 'bí thư', from: list(current.secretaries), to: list(org.secretaries) });
    if (current.expectedMembers !== org.expectedMembers) {
      fields.push({ field: 'expectedMembers', label: 'số đảng viên dự kiến', from: formatInt(current.expectedMembers), to: formatInt(org.expectedMembers) });
    }
    return fields.length > 0 ? [{ orgId: org.id, name: org.name, fields }] : [];
  });
  const settings: ConfigDiff['settings'] = [];
  const setting = (field: string, label: string, from: string, to: string) => {
    if (from !== to) settings.push({ field, label, from, to });
  };
  const none = '(chưa có)';
  setting('deadline', 'hạn nộp', stored ? moment(stored.deadline, timeZone) : none, moment(wanted.deadline, timeZone));
  setting('evaluationDate', 'ngày đánh giá', stored ? day(stored.evaluationDate) : none, day(wanted.evaluationDate));
  setting('rulePack', 'quy định áp dụng', stored ? packTitle(wanted.year, stored.rulePack) : none, packTitle(wanted.year, wanted.rulePack));
  setting('exemplaryScale', 'thang nêu gương', stored ? stored.exemplaryScale.join('; ') : none, wanted.exemplaryScale.join('; '));
  setting('quotaMode', 'chế độ chỉ tiêu', stored ? QUOTA_MODE[stored.quotaMode] : none, QUOTA_MODE[wanted.quotaMode]);
  setting('quotaPercent', 'tỉ lệ HTXSNV tối đa', stored ? `${formatInt(stored.quotaPercent)}%` : none, `${formatInt(wanted.quotaPercent)}%`);
  if (wanted.summarySpreadsheetId !== null) setting('summarySpreadsheetId', 'bảng tổng hợp', stored?.summarySpreadsheetId ?? none, wanted.summarySpreadsheetId);
  return { added, removed, changed, settings };
}

/** One Vietnamese line per change: settings, then organisations added, removed, changed. */
export function diffLines(diff: ConfigDiff): string[] {
  return [
    ...diff.settings.map((s) => `Đổi ${s.label}: ${s.from} → ${s.to}`),
    ...diff.added.map((o) => `Thêm tổ chức: ${o.name} (${o.orgId})`),
    ...diff.removed.map((o) => (o.mergedInto === null ? `Bỏ tổ chức: ${o.name} (${o.orgId})` : `Sáp nhập: ${o.name} (${o.orgId}) vào ${o.mergedInto}`)),
    ...diff.changed.flatMap((o) => o.fields.map((f) => `${f.field === 'secretaries' ? 'Đổi bí thư' : `Đổi ${f.label}`} của ${o.name} (${o.orgId}): ${f.from} → ${f.to}`)),
  ];
}

export const isEmptyDiff = (diff: ConfigDiff): boolean => diff.added.length + diff.removed.length + diff.changed.length + diff.settings.length === 0;

/** The stored year as the console's sheet shows it (wall-clock texts in the bloc's zone). */
export function loadedYear(stored: StoredSettingsView, orgs: readonly StoredOrgView[], timeZone: string): LoadedYear {
  const { date, time } = localParts(stored.deadline, timeZone);
  return {
    deadline: `${date} ${time}`,
    evaluationDate: stored.evaluationDate === null ? null : day(stored.evaluationDate),
    rulePack: stored.rulePack,
    exemplaryScale: [...stored.exemplaryScale],
    quotaMode: stored.quotaMode,
    quotaPercent: stored.quotaPercent,
    summarySpreadsheetId: stored.summarySpreadsheetId,
    orgs: orgs
      .filter((org) => org.inConfig)
      .map((org) => ({ id: org.orgId, name: org.name, secretaries: [...org.secretaries], expectedMembers: org.expectedMembers }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    mergedInto: { ...stored.mergedInto },
  };
}
