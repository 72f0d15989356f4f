import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import { adminConfigChangeAnswerSchema, adminConfigLoadAnswerSchema, type AdminConfigRequest } from '../../functions/src/domain/contract-admin.js';
import { Problem } from '../../functions/src/domain/problems.js';
import { auditCol, orgRef, submissionsCol, yearRef } from '../../functions/src/store/paths.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { grid, validRows } from '../fixtures/sheet-grid.js';
import { ADMIN, OPEN_DEADLINE, orgA, orgB, SECRETARY_A, SECRETARY_B, testBloc } from '../fixtures/test-bloc.js';
import { dumpTree } from '../support/firestore/dump.js';
import { useLocalStack } from '../support/functions/local-stack.js';

/**
 * adminConfig over HTTP against the emulator: load → dry run (the diff) → apply (the same
 * apply code as the YAML route, audited), refusals that write nothing, and a submission racing
 * an apply that sees one configuration or the other, never a mix.
 */
const CONFIG = testBloc('khoi-admin', 'Đảng bộ Khối Quản trị', { 2025: { deadline: OPEN_DEADLINE, orgs: [orgA(3), orgB(3)] } });
const h = useLocalStack('demo-admin-config', CONFIG);
/** The fixtures' organisations as the request takes them (mutable lists). */
const A = (n: number) => ({ ...orgA(n), secretaries: [...orgA(n).secretaries] });
const B = (n: number) => ({ ...orgB(n), secretaries: [...orgB(n).secretaries] });
const ROOT = 'blocs/khoi-admin';

const errorOf = (json: unknown) => z.object({ error: z.object({ code: z.string(), message: z.string() }), fields: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).parse(json);

async function loaded() {
  const res = await h.post('adminConfig', { mode: 'load', year: 2025 }, ADMIN);
  expect(res.status).toBe(200);
  return adminConfigLoadAnswerSchema.parse(res.json);
}

type YearInput = Extract<AdminConfigRequest, { mode: 'dry_run' }>['config'];
async function edited(edit: (config: YearInput) => YearInput): Promise<YearInput> {
  const { config } = await loaded();
  const base: YearInput = {
    deadline: config.deadline,
    exemplaryScale: config.exemplaryScale,
    quotaMode: config.quotaMode,
    quotaPercent: config.quotaPercent,
    orgs: config.orgs,
    ...(config.evaluationDate === null ? {} : { evaluationDate: config.evaluationDate }),
    ...(config.rulePack === null ? {} : { rulePack: config.rulePack }),
  };
  return edit(base);
}

const submit = (email: string, rows = 3, orgId = 'cb-a') =>
  h.post('submit', { year: 2025, orgId, submissionId: `admin-${orgId}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, sheet: { values: grid(validRows(rows)) } }, email);

beforeEach(() => h.reset());

describe('adminConfig: load, dry run, apply', () => {
  it('load answers the year as the sheet shows it (local wall-clock texts)', async () => {
    const answer = await loaded();
    expect(answer).toEqual({
      mode: 'load',
      year: 2025,
      bloc: { name: 'Đảng bộ Khối Quản trị', timeZone: 'Asia/Ho_Chi_Minh' },
      exists: true,
      config: {
        deadline: '15/01/2099 17:00',
        evaluationDate: null,
        rulePack: null,
        exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'],
        quotaMode: 'warning',
        quotaPercent: 20,
        summarySpreadsheetId: null,
        orgs: [
          { id: 'cb-a', name: 'Chi bộ Công ty A', secretaries: [SECRETARY_A], expectedMembers: 3 },
          { id: 'cb-b', name: 'Chi bộ Công ty B', secretaries: [SECRETARY_B], expectedMembers: 3 },
        ],
        mergedInto: {},
      },
    });
  });

  it('a dry run answers the diff and writes nothing; apply with its hash writes it in one audited step', async () => {
    const config = await edited((c) => ({
      ...c,
      deadline: '20/01/2099 17:00',
      orgs: [
        { ...A(3), secretaries: ['pho.bithu.a@a.vn'] },
        B(3),
        { id: 'cb-c', name: 'Chi bộ Công ty C', secretaries: ['bithu.c@c.vn', 'vanphong.c@c.vn'], expectedMembers: 7 },
      ],
    }));
    const before = await dumpTree(h.stack.db, ROOT);
    const dry = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config }, ADMIN);
    expect(dry.status).toBe(200);
    const plan = adminConfigChangeAnswerSchema.parse(dry.json);
    expect(plan.result).toBe('dry_run');
    expect(plan.lines).toEqual([
      'Đổi hạn nộp: 17:00 ngày 15/01/2099 → 17:00 ngày 20/01/2099',
      'Thêm tổ chức: Chi bộ Công ty C (cb-c)',
      'Đổi bí thư của Chi bộ Công ty A (cb-a): bithu.a@a.vn → pho.bithu.a@a.vn',
    ]);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);

    const apply = await h.post('adminConfig', { mode: 'apply', year: 2025, config, planHash: plan.planHash }, ADMIN);
    expect(apply.status).toBe(200);
    expect(adminConfigChangeAnswerSchema.parse(apply.json)).toMatchObject({ result: 'applied', lines: plan.lines });
    expect((await orgRef(h.stack.db, 'khoi-admin', 2025, 'cb-a').get()).data()?.secretaries).toEqual(['pho.bithu.a@a.vn']);
    expect((await orgRef(h.stack.db, 'khoi-admin', 2025, 'cb-c').get()).data()).toMatchObject({ state: 'not_submitted', expectedMembers: 7, secretaries: ['bithu.c@c.vn', 'vanphong.c@c.vn'] });
    expect((await yearRef(h.stack.db, 'khoi-admin', 2025).get()).data()?.deadline).toBe('2099-01-20T10:00:00.000Z');
    const audit = (await auditCol(h.stack.db, 'khoi-admin', 2025).where('action', '==', 'config').where('by', '==', ADMIN).get()).docs.map((d) => d.data());
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({
      created: [`${ROOT}/years/2025/orgs/cb-c`],
      updated: [{ path: `${ROOT}/years/2025`, fields: ['deadline'] }, { path: `${ROOT}/years/2025/orgs/cb-a`, fields: ['secretaries'] }],
    });

    // The same apply again: nothing changes, nothing is audited.
    const again = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config }, ADMIN);
    const replan = adminConfigChangeAnswerSchema.parse(again.json);
    expect(replan.lines).toEqual([]);
    const noop = await h.post('adminConfig', { mode: 'apply', year: 2025, config, planHash: replan.planHash }, ADMIN);
    expect(adminConfigChangeAnswerSchema.parse(noop.json).result).toBe('unchanged');
  });

  it('apply with the hash of an older dry run is refused (409 CONFIG_CHANGED) and writes nothing', async () => {
    const config = await edited((c) => ({ ...c, quotaPercent: 25 }));
    const plan = adminConfigChangeAnswerSchema.parse((await h.post('adminConfig', { mode: 'dry_run', year: 2025, config }, ADMIN)).json);
    expect(plan.lines).toEqual(['Đổi tỉ lệ HTXSNV tối đa: 20% → 25%']);
    expect((await submit(SECRETARY_A)).status).toBe(200);
    // Someone else applies another change meanwhile.
    const other = await edited((c) => ({ ...c, quotaMode: 'error' }));
    const otherPlan = adminConfigChangeAnswerSchema.parse((await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: other }, ADMIN)).json);
    expect((await h.post('adminConfig', { mode: 'apply', year: 2025, config: other, planHash: otherPlan.planHash }, ADMIN)).status).toBe(200);
    const before = await dumpTree(h.stack.db, ROOT);
    const stale = await h.post('adminConfig', { mode: 'apply', year: 2025, config, planHash: plan.planHash }, ADMIN);
    expect([stale.status, errorOf(stale.json).error.code]).toEqual([409, 'CONFIG_CHANGED']);
    expect(errorOf(stale.json).error.message).toContain('Hãy bấm “Áp dụng” lại');
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });
});

describe('adminConfig refuses bad input with a clear error and writes nothing', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `to-${i + 1}`, name: `Chi bộ số ${i + 1}`, secretaries: [`bithu.${i + 1}@k.vn`], expectedMembers: 5 }));
  const cases: [string, (c: YearInput) => YearInput, number, string, string][] = [
    ['a sheet of 2.000 organisations', (c) => ({ ...c, orgs: many(2_000) }), 413, 'TOO_MANY_ORGS', 'Bảng cấu hình có 2.000 tổ chức, vượt quá 1.000 tổ chức mỗi năm.'],
    ['a 1 MB cell', (c) => ({ ...c, orgs: [{ ...A(3), name: 'x'.repeat(1_048_576) }, B(3)] }), 400, 'BAD_REQUEST', 'config.orgs.0.name'],
    ['an e-mail with a look-alike letter (U+212A KELVIN SIGN)', (c) => ({ ...c, orgs: [{ ...A(3), secretaries: ['bithu.\u212a@a.vn'] }, B(3)] }), 400, 'BAD_REQUEST', 'config.orgs.0.secretaries.0'],
    ['a bad e-mail', (c) => ({ ...c, orgs: [A(3), { ...B(3), secretaries: ['bithu.b@'] }] }), 400, 'BAD_REQUEST', 'config.orgs.1.secretaries.0'],
    ['an id differing only by case from an existing one', (c) => ({ ...c, orgs: [...c.orgs, { ...B(3), id: 'CB-B', name: 'Chi bộ B mới' }] }), 400, 'BAD_REQUEST', 'config.orgs.2.id'],
    ['a deadline that is not a date', (c) => ({ ...c, deadline: '31/02/2099 17:00' }), 400, 'BAD_REQUEST', 'config.deadline'],
    ['an unknown rule pack', (c) => ({ ...c, rulePack: 'qd999' as 'qd366' }), 400, 'BAD_REQUEST', 'config.rulePack'],
  ];
  it.each(cases)('%s', async (_name, edit, status, code, where) => {
    const config = await edited(edit);
    const before = await dumpTree(h.stack.db, ROOT);
    const res = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config }, ADMIN);
    const body = errorOf(res.json);
    expect([res.status, body.error.code]).toEqual([status, code]);
    if (code === 'BAD_REQUEST') expect(body.fields?.map((f) => f.path)).toContain(where);
    else expect(body.error.message).toContain(where);
    expect(body.error.message).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });

  it('a new id differing only by case from a stored organisation that left the list is ORG_ID_CASE', async () => {
    const without = await edited((c) => ({ ...c, orgs: [A(3)] }));
    const plan = adminConfigChangeAnswerSchema.parse((await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: without }, ADMIN)).json);
    expect(plan.lines).toEqual(['Bỏ tổ chức: Chi bộ Công ty B (cb-b)']);
    expect((await h.post('adminConfig', { mode: 'apply', year: 2025, config: without, planHash: plan.planHash }, ADMIN)).status).toBe(200);
    const cased = await edited((c) => ({ ...c, orgs: [A(3), { ...B(3), id: 'CB-B' }] }));
    const res = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: cased }, ADMIN);
    expect([res.status, errorOf(res.json).error]).toEqual([
      400,
      { code: 'ORG_ID_CASE', message: 'Chưa áp dụng cấu hình: mã “CB-B” chỉ khác mã đã có “cb-b” ở chữ hoa/thường (năm 2025). Hãy dùng đúng mã đã có.' },
    ]);
  });
});

describe('an organisation that submitted leaves the list only as merged into another one', () => {
  it('refused with why (its data stays) from the console and from the YAML route; accepted with the merge, which is recorded', async () => {
    expect((await submit(SECRETARY_B, 3, 'cb-b')).status).toBe(200);
    const without = await edited((c) => ({ ...c, orgs: [A(3)] }));
    const before = await dumpTree(h.stack.db, ROOT);
    const res = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: without }, ADMIN);
    expect(res.status).toBe(409);
    expect(errorOf(res.json).error.code).toBe('ORG_HAS_DATA');
    expect(errorOf(res.json).error.message).toMatch(/^Chưa áp dụng cấu hình: “Chi bộ Công ty B” \(cb-b, đã nộp lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\) đã nộp dữ liệu năm 2025 nên không bỏ khỏi danh sách được — dữ liệu đã nộp vẫn được giữ/);
    const yaml = parseBlocConfig(testBloc('khoi-admin', 'Đảng bộ Khối Quản trị', { 2025: { deadline: OPEN_DEADLINE, orgs: [A(3)] } }));
    await expect(applyBlocConfig(h.stack.db, yaml, { by: 'cli:test' })).rejects.toBeInstanceOf(Problem);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);

    const merged = { ...without, mergedInto: { 'cb-b': 'cb-a' } };
    const plan = adminConfigChangeAnswerSchema.parse((await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: merged }, ADMIN)).json);
    expect(plan.lines).toEqual(['Sáp nhập: Chi bộ Công ty B (cb-b) vào cb-a']);
    expect((await h.post('adminConfig', { mode: 'apply', year: 2025, config: merged, planHash: plan.planHash }, ADMIN)).status).toBe(200);
    expect((await yearRef(h.stack.db, 'khoi-admin', 2025).get()).data()?.mergedInto).toEqual({ 'cb-b': 'cb-a' });
    const b = (await orgRef(h.stack.db, 'khoi-admin', 2025, 'cb-b').get()).data();
    expect([b?.inConfig, b?.state, b?.tally?.listed]).toEqual([false, 'submitted', 3]);
    // The merge stays recorded when a later configuration (YAML without mergedInto) is applied.
    await applyBlocConfig(h.stack.db, yaml, { by: 'cli:test' });
    expect((await yearRef(h.stack.db, 'khoi-admin', 2025).get()).data()?.mergedInto).toEqual({ 'cb-b': 'cb-a' });
    // A merge into an organisation that is not listed is located in the request.
    const wrong = await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: { ...without, mergedInto: { 'cb-b': 'cb-x' } } }, ADMIN);
    expect(errorOf(wrong.json).fields?.[0]).toEqual({ path: 'config.mergedInto.cb-b', message: 'tổ chức nhận sáp nhập "cb-x" không có trong danh sách tổ chức của năm (merge target not listed)' });
  });
});

describe('a submission racing an apply sees the old configuration or the new one, never a mix', () => {
  it('five races: accepted before the apply (old expected count, no warning) or refused after it (new deadline passed)', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 5; round++) {
      await h.reset();
      // The new configuration: 5 members expected (a count warning for 3 rows) and a deadline already passed.
      const next = await edited((c) => ({ ...c, deadline: '15/01/2025 17:00', orgs: [A(5), B(3)] }));
      const plan = adminConfigChangeAnswerSchema.parse((await h.post('adminConfig', { mode: 'dry_run', year: 2025, config: next }, ADMIN)).json);
      const [sent, applied] = await Promise.all([submit(SECRETARY_A), h.post('adminConfig', { mode: 'apply', year: 2025, config: next, planHash: plan.planHash }, ADMIN)]);
      expect(applied.status).toBe(200);
      const configAt = (await auditCol(h.stack.db, 'khoi-admin', 2025).where('by', '==', ADMIN).get()).docs[0]?.createTime.toMillis() ?? 0;
      if (sent.status === 200) {
        const answer = z.object({ submissionId: z.string(), issues: z.array(z.object({ code: z.string() })) }).parse(sent.json);
        expect(answer.issues.map((i) => i.code)).not.toContain('ROW_COUNT_DIFFERS');
        const record = await submissionsCol(h.stack.db, 'khoi-admin', 2025, 'cb-a').doc(answer.submissionId).get();
        expect(record.createTime?.toMillis() ?? Infinity).toBeLessThanOrEqual(configAt);
        outcomes.push('old');
      } else {
        expect([sent.status, errorOf(sent.json).error.code]).toEqual([409, 'DEADLINE_PASSED']);
        expect((await submissionsCol(h.stack.db, 'khoi-admin', 2025, 'cb-a').get()).size).toBe(0);
        outcomes.push('new');
      }
    }
    expect(outcomes).toHaveLength(5);
  }, 120_000);
});

describe('every admin endpoint answers a secretary 403 in Vietnamese', () => {
  it.each([
    ['adminConfig', { mode: 'load', year: 2025 }],
    ['adminAudit', { year: 2025 }],
    ['adminProgress', { year: 2025 }],
    ['adminRemind', { year: 2025 }],
  ])('%s', async (fn, body) => {
    const before = await dumpTree(h.stack.db, ROOT);
    const res = await h.post(fn, body, SECRETARY_A);
    expect([res.status, res.json]).toEqual([
      403,
      { error: { code: 'NOT_ADMIN', message: `Chỉ quản trị viên của Đảng ủy Khối mới được thực hiện thao tác này; tài khoản ${SECRETARY_A} không có quyền.` } },
    ]);
    expect(await dumpTree(h.stack.db, ROOT)).toEqual(before);
  });
});
