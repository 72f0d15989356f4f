import type { Cell } from '../../../functions/src/domain/schema.js';
import { grid, TEMPLATE_HEADERS, validRows, type RowSpec } from '../../fixtures/sheet-grid.js';
import { OPEN_DEADLINE, orgA, orgB, PAST_DEADLINE, SECRETARY_A, testBloc } from '../../fixtures/test-bloc.js';

/**
 * The building blocks of the hostile-input corpus (test/support/hostile-corpus.ts): every case
 * is one request to `submit` as the secretary of HOSTILE_ORG, with the exact answer expected.
 * A refused case must leave Firestore byte-for-byte unchanged; an accepted one says why the
 * input is acceptable and, where it matters, exactly which members get stored.
 */
export const HOSTILE_YEAR = 2025;
export const HOSTILE_ORG = 'cb-a';
export const HOSTILE_SECRETARY = 'bithu.a@a.vn';

/** The bloc the corpus runs against: 2025 open, 2024 past its deadline, cb-old only in 2024. */
export const hostileConfig = (audience: string): string =>
  testBloc(
    'khoi-hostile',
    'Đảng bộ Khối Thử nghiệm',
    {
      2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(3)] },
      2024: { deadline: PAST_DEADLINE, orgs: [orgA(3), { id: 'cb-old', name: 'Chi bộ đã giải thể', secretaries: [SECRETARY_A], expectedMembers: 3 }] },
    },
    { audience },
  );

export interface Refused {
  readonly status: number;
  readonly code: string;
  /** When given: exactly the distinct issue codes the answer lists (sorted). */
  readonly issues?: readonly string[];
}
export interface Accepted {
  readonly status: 200;
  readonly result: 'accepted';
  /** Why this input is acceptable (the documented decision). */
  readonly why: string;
  /** When given: exactly the distinct issue codes the answer lists (sorted). */
  readonly issues?: readonly string[];
  /** When given: the per-kind counts of issues the answer left out. */
  readonly omitted?: readonly { readonly code: string; readonly severity: string; readonly count: number }[];
}
export type Expected = Refused | Accepted;

export type HostileRequest = { readonly json: unknown } | { readonly raw: string };

export interface HostileCase {
  readonly theme: string;
  readonly name: string;
  readonly expected: Expected;
  /** Built on demand (some bodies are megabytes), for the submission id the corpus assigns. */
  readonly request: (submissionId: string) => HostileRequest;
  /** Request headers replacing the defaults (content-type). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Accepted cases: exactly the members stored afterwards (card number and name). */
  readonly stored?: readonly { readonly cardNumber: string; readonly fullName: string }[];
}

export const refused = (status: number, code: string): Refused => ({ status, code });
export const accepted = (why: string): Accepted => ({ status: 200, result: 'accepted', why });
export const INVALID_SHEET = refused(422, 'VALIDATION_FAILED');
/** A sheet refused for exactly these kinds of issue. */
export const invalidWith = (...issues: string[]): Refused => ({ ...INVALID_SHEET, issues: [...issues].sort() });
export const BAD_REQUEST = refused(400, 'BAD_REQUEST');

export function submitBody(submissionId: string, values: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { year: HOSTILE_YEAR, orgId: HOSTILE_ORG, submissionId, sheet: { values }, ...extra };
}

/** A case that sends a sheet (values) in an otherwise well-formed request. */
export function sheetCase(
  theme: string,
  name: string,
  values: () => unknown,
  expected: Expected,
  stored?: HostileCase['stored'],
): HostileCase {
  return { theme, name, expected, request: (id) => ({ json: submitBody(id, values()) }), ...(stored ? { stored } : {}) };
}

/** A case whose whole JSON body is given (the submission id is still fresh). */
export function bodyCase(theme: string, name: string, body: (submissionId: string) => unknown, expected: Expected): HostileCase {
  return { theme, name, expected, request: (id) => ({ json: body(id) }) };
}

/** Three valid members (79.000001…); `edit` changes them before the grid is built. */
export function rows(edit: (rows: RowSpec[]) => void = () => undefined, n = 3): RowSpec[] {
  const list = validRows(n);
  edit(list);
  return list;
}

/** The template grid of three valid members with one column's cells replaced. */
export function withCells(header: string, cells: readonly Cell[], n = 3): Cell[][] {
  return grid(rows((list) => list.forEach((r, i) => (r[header] = cells[i % cells.length] ?? null)), n));
}

/** The template grid of three valid members with one cell of row 2 replaced by anything at all. */
export function withRawCell(header: string, value: unknown): unknown[][] {
  const column = TEMPLATE_HEADERS.indexOf(header);
  return grid(rows()).map((row, r) => (r === 1 ? row.map((cell, c) => (c === column ? value : cell)) : row));
}

/** The template grid with headers renamed, removed (null) or added at the end. */
export function withHeaders(edit: (headers: (string | null)[]) => void, n = 3): Cell[][] {
  const headers: (string | null)[] = [...TEMPLATE_HEADERS];
  edit(headers);
  const data = rows(undefined, n);
  const original = (i: number): string | undefined => TEMPLATE_HEADERS[i];
  return [headers, ...data.map((spec) => headers.map((h, i) => (h === null ? null : (spec[original(i) ?? ''] ?? null))))];
}

/** The three members stored by `rows()` unchanged. */
export const THREE_STORED = [1, 2, 3].map((i) => ({ cardNumber: `79.${String(i).padStart(6, '0')}`, fullName: `Đảng viên ${i}` }));

/** A deterministic generator (mulberry32) for junk that must be the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
