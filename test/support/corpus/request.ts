import { grid, validRows } from '../../fixtures/sheet-grid.js';
import {
  accepted,
  BAD_REQUEST,
  bodyCase,
  HOSTILE_ORG,
  HOSTILE_YEAR,
  refused,
  rows,
  submitBody,
  THREE_STORED,
  type HostileCase,
} from './kit.js';

/**
 * Requests that are not what the endpoint documents: bodies that are not a submission,
 * truncated or invalid JSON, other content types, hostile ids, years and organisations, and
 * oversized sheets. Every one is refused with the catalogue's status and code — never a 500,
 * never the platform's own HTML error page.
 */
const good = (id: string) => submitBody(id, grid(rows()));
const goodText = (id: string) => JSON.stringify(good(id));
const raw = (theme: string, name: string, text: (id: string) => string, expected: HostileCase['expected'], stored?: HostileCase['stored']): HostileCase => ({
  theme,
  name,
  expected,
  request: (id) => ({ raw: text(id) }),
  ...(stored ? { stored } : {}),
});
const typed = (name: string, contentType: string, text: (id: string) => string = goodText, extra: Record<string, string> = {}): HostileCase => ({
  theme: 'content type',
  name,
  expected: BAD_REQUEST,
  request: (id) => ({ raw: text(id) }),
  headers: { 'content-type': contentType, ...extra },
});
const field = (name: string, patch: Record<string, unknown>, expected: HostileCase['expected'] = BAD_REQUEST) =>
  bodyCase('fields', name, (id) => ({ ...good(id), ...patch }), expected);

const notASheet: HostileCase[] = [
  ...(['[]', '"một chuỗi"', '42', 'null', 'true', '{}', '[{"year":2025}]'] as const).map((text) => raw('not a submission', `the body ${text}`, () => text, BAD_REQUEST)),
  raw('not a submission', 'an empty body', () => '', BAD_REQUEST),
  bodyCase('not a submission', 'no sheet', (id) => ({ year: HOSTILE_YEAR, orgId: HOSTILE_ORG, submissionId: id }), BAD_REQUEST),
  bodyCase('not a submission', 'sheet null', (id) => ({ ...good(id), sheet: null }), BAD_REQUEST),
  bodyCase('not a submission', 'sheet as the bare grid', (id) => ({ ...good(id), sheet: grid(rows()) }), BAD_REQUEST),
  bodyCase('not a submission', 'sheet.values null', (id) => submitBody(id, null), BAD_REQUEST),
  bodyCase('not a submission', 'a status request sent to submit', () => ({ year: HOSTILE_YEAR }), BAD_REQUEST),
  raw(
    'not a submission',
    '__proto__ and constructor keys',
    (id) => `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}},${goodText(id).slice(1)}`,
    accepted('JSON keys never reach prototypes (JSON.parse makes own properties; zod drops unknown keys)'),
    THREE_STORED,
  ),
  raw('not a submission', 'a duplicated key, the last one valid', (id) => `{"year":1999,${goodText(id).slice(1)}`, accepted('JSON.parse keeps the last of duplicate keys: year 2025'), THREE_STORED),
  raw('not a submission', 'the year written 2.025e3', (id) => goodText(id).replace('"year":2025', '"year":2.025e3'), accepted('2.025e3 is the number 2025 in JSON'), THREE_STORED),
];

const cut = (fraction: number) => (id: string) => {
  const text = goodText(id);
  return text.slice(0, Math.max(1, Math.floor(text.length * fraction)));
};
const brokenJson: HostileCase[] = [
  ...[0, 0.1, 0.5, 0.9].map((f) => raw('truncated JSON', `cut at ${f * 100}%`, cut(f), BAD_REQUEST)),
  raw('truncated JSON', 'the last brace missing', (id) => goodText(id).slice(0, -1), BAD_REQUEST),
  raw('truncated JSON', 'cut inside a \\u escape', (id) => `${goodText(id).slice(0, 40)}"\\u00`, BAD_REQUEST),
  raw('invalid JSON', 'single quotes', (id) => goodText(id).replace(/"/g, "'"), BAD_REQUEST),
  raw('invalid JSON', 'a trailing comma', (id) => `${goodText(id).slice(0, -1)},}`, BAD_REQUEST),
  raw('invalid JSON', 'unquoted keys', (id) => goodText(id).replace(/"(\w+)":/g, '$1:'), BAD_REQUEST),
  raw('invalid JSON', 'NaN as the year', (id) => goodText(id).replace('"year":2025', '"year":NaN'), BAD_REQUEST),
  raw('invalid JSON', 'a comment', (id) => `/* gửi */ ${goodText(id)}`, BAD_REQUEST),
  raw('invalid JSON', 'a BOM before the JSON', (id) => `\ufeff${goodText(id)}`, accepted('RFC 8259 lets a parser ignore a byte order mark; the body parser does'), THREE_STORED),
  raw('invalid JSON', 'two JSON documents', (id) => `${goodText(id)}${goodText(id)}`, BAD_REQUEST),
  raw('invalid JSON', 'arrays nested 100.000 deep', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`, BAD_REQUEST),
  raw('invalid JSON', 'the year 1e400 (Infinity)', (id) => goodText(id).replace('"year":2025', '"year":1e400'), BAD_REQUEST),
];

const contentTypes: HostileCase[] = [
  typed('text/plain', 'text/plain'),
  typed('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', () => `year=${HOSTILE_YEAR}&orgId=${HOSTILE_ORG}&submissionId=form-0001`),
  typed('multipart/form-data', 'multipart/form-data; boundary=xyz', (id) => `--xyz\r\nContent-Disposition: form-data; name="body"\r\n\r\n${goodText(id)}\r\n--xyz--`),
  typed('application/xml', 'application/xml', () => '<submit><year>2025</year></submit>'),
  typed('application/octet-stream', 'application/octet-stream'),
  typed('JSON declared as UTF-16', 'application/json; charset=utf-16'),
  typed('JSON declared as latin1', 'application/json; charset=latin1'),
  typed('gzip declared, plain sent', 'application/json', goodText, { 'content-encoding': 'gzip' }),
  typed('an unknown content encoding', 'application/json', goodText, { 'content-encoding': 'x-hostile' }),
];

const ids: HostileCase[] = [
  ...(['1234567', 'x'.repeat(65), 'x'.repeat(10_000), 'x'.repeat(1_048_576), '../../etc', 'a/b/c/d/e', '__hostile__', 'mã-gửi-0001', 'id-\u0000-00001', '', 'id with spaces'] as const).map(
    (submissionId) => bodyCase('submission ids', `submission id ${JSON.stringify(submissionId.slice(0, 20))} (${submissionId.length} chars)`, (id) => ({ ...good(id), submissionId }), BAD_REQUEST),
  ),
  field('submission id as a number', { submissionId: 12345678 }),
  field('submission id null', { submissionId: null }),
];

const orgs: HostileCase[] = [
  ...['../x', 'a/b', '.', '..', '__x__', ' ', 'cb-a/../cb-b', '%2e%2e', 'cb-a\u0000', 'x'.repeat(101), 'x'.repeat(10_000), '-cb-a'].map((orgId) =>
    field(`org id ${JSON.stringify(orgId.slice(0, 20))} (${orgId.length} chars)`, { orgId }),
  ),
  field('org id as a number', { orgId: 7 }),
  field('org id null', { orgId: null }),
  field('org id missing', { orgId: undefined }),
  field('an unknown organisation', { orgId: 'cb-zz' }, refused(404, 'ORG_NOT_FOUND')),
  field('an org id in upper case', { orgId: 'CB-A' }, refused(404, 'ORG_NOT_FOUND')),
  field('an organisation of 2024 only', { orgId: 'cb-old' }, refused(404, 'ORG_NOT_FOUND')),
  field('another organisation’s id', { orgId: 'cb-b' }, refused(403, 'NOT_SECRETARY')),
];

const years: HostileCase[] = [
  field('a year not configured', { year: 2030 }, refused(404, 'YEAR_NOT_CONFIGURED')),
  field('a past year (deadline passed)', { year: 2024 }, refused(409, 'DEADLINE_PASSED')),
  field('year 1999', { year: 1999 }),
  field('year 2101', { year: 2101 }),
  field('year as text', { year: '2025' }),
  field('year 2025.5', { year: 2025.5 }),
  field('year -2025', { year: -2025 }),
  field('year null', { year: null }),
];

const others: HostileCase[] = [
  field('dryRun as text', { dryRun: 'true' }),
  bodyCase('fields', 'startRow 0', (id) => ({ ...good(id), sheet: { startRow: 0, values: grid(rows()) } }), BAD_REQUEST),
  bodyCase('fields', 'startRow 1.5', (id) => ({ ...good(id), sheet: { startRow: 1.5, values: grid(rows()) } }), BAD_REQUEST),
  bodyCase('fields', 'startRow 2^60', (id) => ({ ...good(id), sheet: { startRow: 2 ** 60, values: grid(rows()) } }), BAD_REQUEST),
  bodyCase('fields', 'a 201-character sheet name', (id) => ({ ...good(id), sheet: { name: 'x'.repeat(201), values: grid(rows()) } }), BAD_REQUEST),
  bodyCase('fields', 'a numeric sheet name', (id) => ({ ...good(id), sheet: { name: 2025, values: grid(rows()) } }), BAD_REQUEST),
];

const sizes: HostileCase[] = [
  bodyCase('size', 'a 50.000-row sheet', (id) => submitBody(id, [['Họ và tên', 'Số thẻ đảng viên', 'Xếp loại'], ...Array.from({ length: 50_000 }, (_, i) => [`Đảng viên ${i}`, `79.${i}`, 'HTTNV'])]), refused(413, 'TOO_MANY_ROWS')),
  bodyCase('size', 'a 50.000-row sheet of full rows (16 MB)', (id) => submitBody(id, grid(validRows(50_000))), refused(413, 'BODY_TOO_LARGE')),
  bodyCase('size', '5.001 empty rows', (id) => submitBody(id, [...grid(rows()), ...Array.from({ length: 4_998 }, () => [])]), refused(413, 'TOO_MANY_ROWS')),
];

export const requestCases: readonly HostileCase[] = [...notASheet, ...brokenJson, ...contentTypes, ...ids, ...orgs, ...years, ...others, ...sizes];
