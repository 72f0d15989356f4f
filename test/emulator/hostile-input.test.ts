import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersCol } from '../../functions/src/store/paths.js';
import { dumpTree } from '../support/firestore/dump.js';
import { HOSTILE_ORG, HOSTILE_SECRETARY, HOSTILE_YEAR, hostileConfig, hostileCorpus, type NumberedCase } from '../support/corpus/index.js';
import { TEST_AUDIENCE, useLocalStack, type PostReply } from '../support/functions/local-stack.js';

/**
 * Every case of the hostile-input corpus through the real HTTP stack (functions-framework,
 * real signed token) as the organisation's secretary: the exact status and code, a Vietnamese
 * message without internals, and — for every refused case — Firestore byte-for-byte unchanged.
 */
const h = useLocalStack('demo-hostile', hostileConfig(TEST_AUDIENCE));
const ROOT = 'blocs/khoi-hostile';
const corpus = hostileCorpus();

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** What must never reach a caller: stack frames, error class names, paths, zod's English. */
const INTERNALS = [/ZodError/, /TypeError/, /SyntaxError/, /RangeError/, /node_modules/, /\n\s+at /, /<html|<pre|<!DOCTYPE/i, /\b(Invalid input|expected \w+, received|Unexpected token)\b/];
const MESSAGE_INTERNALS = [...INTERNALS, /(^|\s)at\s/];

/** The distinct issue codes an answer (or a refusal) lists, sorted. */
const issueCodes = (json: unknown): string[] => {
  const issues = typeof json === 'object' && json !== null && 'issues' in json && Array.isArray(json.issues) ? (json.issues as { code?: unknown }[]) : [];
  return [...new Set(issues.map((i) => String(i.code)))].sort();
};
const omittedOf = (json: unknown): unknown => (typeof json === 'object' && json !== null && 'issuesOmitted' in json ? json.issuesOmitted : undefined);

const errorOf = (json: unknown): { code?: unknown; message?: unknown } | null => {
  if (typeof json !== 'object' || json === null || !('error' in json)) return null;
  const error = json.error;
  return typeof error === 'object' && error !== null ? error : null;
};

async function storedMembers(): Promise<{ cardNumber: string; fullName: string }[]> {
  const snap = await membersCol(h.stack.db, h.stack.blocId, HOSTILE_YEAR, HOSTILE_ORG).get();
  return snap.docs.map((d) => ({ cardNumber: d.data().cardNumber, fullName: d.data().fullName })).sort((a, b) => a.cardNumber.localeCompare(b.cardNumber));
}

/** Everything wrong with one answer (empty: the case is clean). */
async function problemsOf(c: NumberedCase, reply: PostReply, unchanged: boolean): Promise<string[]> {
  const found: string[] = [];
  const expected = c.expected;
  if (reply.status !== expected.status) found.push(`status ${reply.status}, expected ${expected.status}`);
  if (!reply.contentType?.startsWith('application/json')) found.push(`content-type ${reply.contentType ?? 'none'}: ${reply.text.slice(0, 200)}`);
  for (const pattern of INTERNALS) if (pattern.test(reply.text)) found.push(`answer shows internals (${pattern}): ${reply.text.slice(0, 300)}`);
  const error = errorOf(reply.json);
  if (expected.issues && JSON.stringify(issueCodes(reply.json)) !== JSON.stringify(expected.issues)) {
    found.push(`issues ${JSON.stringify(issueCodes(reply.json))}, expected ${JSON.stringify(expected.issues)}`);
  }
  if ('code' in expected) {
    if (error?.code !== expected.code) found.push(`code ${String(error?.code)}, expected ${expected.code}`);
    const message = typeof error?.message === 'string' ? error.message : '';
    if (!VIETNAMESE.test(message)) found.push(`message is not Vietnamese: ${JSON.stringify(message).slice(0, 200)}`);
    for (const pattern of MESSAGE_INTERNALS) if (pattern.test(message)) found.push(`message shows internals (${pattern}): ${message.slice(0, 200)}`);
    if (!unchanged) found.push('Firestore changed although the submission was refused');
  } else {
    const result = typeof reply.json === 'object' && reply.json !== null && 'result' in reply.json ? reply.json.result : undefined;
    if (result !== expected.result) found.push(`result ${String(result)}, expected ${expected.result}: ${reply.text.slice(0, 300)}`);
    if (expected.why.trim() === '') found.push('an accepted case must say why it is acceptable');
    if (expected.omitted && JSON.stringify(omittedOf(reply.json)) !== JSON.stringify(expected.omitted)) {
      found.push(`omitted ${JSON.stringify(omittedOf(reply.json))}, expected ${JSON.stringify(expected.omitted)}`);
    }
    if (c.stored) {
      const stored = await storedMembers();
      const want = [...c.stored].sort((a, b) => a.cardNumber.localeCompare(b.cardNumber));
      if (JSON.stringify(stored) !== JSON.stringify(want)) found.push(`stored ${JSON.stringify(stored)}, expected ${JSON.stringify(want)}`);
    }
  }
  return found;
}

const tally = { tried: 0, clean: 0, byStatus: new Map<number, number>(), dirty: [] as string[] };

beforeAll(() => h.reset());
afterAll(() => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`hostile corpus: tried ${tally.tried}, clean ${tally.clean} (${statuses})`);
});

describe('hostile and broken input through the real HTTP stack', () => {
  it.each(corpus.map((c) => [`${c.theme}: ${c.name}`, c] as const))('%s', { timeout: 120_000 }, async (_, c) => {
    const before = await dumpTree(h.stack.db, ROOT);
    const request = c.request(c.submissionId);
    const init = { ...('raw' in request ? { rawBody: request.raw } : {}), ...(c.headers ? { headers: c.headers } : {}) };
    const reply = await h.post('submit', 'json' in request ? request.json : null, HOSTILE_SECRETARY, init);
    const unchanged = JSON.stringify(await dumpTree(h.stack.db, ROOT)) === JSON.stringify(before);
    const found = await problemsOf(c, reply, unchanged);
    tally.tried += 1;
    tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
    if (found.length === 0) tally.clean += 1;
    else tally.dirty.push(c.name);
    if (!unchanged) await h.reset(); // every case starts from the configured bloc and nothing else
    expect(found).toEqual([]);
  });

  it('every case was tried and answered cleanly', () => {
    expect(tally.tried).toBe(corpus.length);
    expect(tally.tried).toBeGreaterThanOrEqual(100);
    expect(tally.dirty).toEqual([]);
    expect(tally.clean).toBe(tally.tried);
  });
});
