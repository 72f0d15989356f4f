import type { HostileCase } from './kit.js';
import { datesAndLimitsCases } from './dates-limits.js';
import { requestCases } from './request.js';
import { sheetCases } from './sheet.js';
import { textCases } from './text.js';

export {
  HOSTILE_ORG,
  HOSTILE_SECRETARY,
  HOSTILE_YEAR,
  hostileConfig,
  type Accepted,
  type Expected,
  type HostileCase,
  type HostileRequest,
  type Refused,
} from './kit.js';

/**
 * The hostile and broken input corpus: generated, deterministic (no clock, no randomness
 * beyond a fixed seed), each case named with its expected answer. Themes live in
 * {sheet,text,request,dates-limits}.ts; test/emulator/hostile-input.test.ts sends them all.
 */
export interface NumberedCase extends HostileCase {
  /** A fresh, valid submission id for this case (`hostile-0001`…). */
  readonly submissionId: string;
}

export function hostileCorpus(): readonly NumberedCase[] {
  const all = [...sheetCases, ...textCases, ...requestCases, ...datesAndLimitsCases];
  const names = new Set<string>();
  return all.map((c, i) => {
    const key = `${c.theme}: ${c.name}`;
    if (names.has(key)) throw new Error(`hostile corpus: duplicate case name “${key}”`);
    names.add(key);
    return { ...c, submissionId: `hostile-${String(i + 1).padStart(4, '0')}` };
  });
}
