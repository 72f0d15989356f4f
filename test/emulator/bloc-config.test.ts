import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import { type BlocConfig } from '../../functions/src/bloc-config/schema.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { auditCol, blocRef, orgRef, orgsCol, yearRef } from '../../functions/src/store/paths.js';
import { tallyOrganisation } from '../../functions/src/domain/tally.js';
import { makeEvaluation, SCALE } from '../fixtures/evaluations.js';
import { useFirestore } from '../support/firestore/emulator.js';

const fs = useFirestore('demo-apply-config');
const FIXTURE = readFileSync(new URL('../fixtures/bloc-config.yaml', import.meta.url), 'utf8');
const T1 = new Date('2025-01-02T03:04:05.000Z');
const T2 = new Date('2025-02-03T04:05:06.000Z');
const BY = 'van.phong@khoi.vn';
const B = 'blocs/khoi-doanh-nghiep';

const TALLY = tallyOrganisation([makeEvaluation()], SCALE);
/** An organisation document stores the counts; an older one's card list is dropped on read. */
const { cardNumbers: _cards, ...STORED_TALLY } = TALLY;

const config = (): BlocConfig => parseBlocConfig(FIXTURE, 'bloc-config.yaml');
const rawDoc = async (path: string) => (await fs.db.doc(path).get()).data();

describe('applyBlocConfig', () => {
  beforeEach(() => fs.clear());

  it('creates exactly the bloc, year and org documents, and one audit entry per year', async () => {
    const changes = await applyBlocConfig(fs.db, config(), { by: BY, now: T1 });
    expect(changes).toEqual({
      created: [
        B,
        `${B}/years/2024`,
        `${B}/years/2024/orgs/cb-cong-ty-a`,
        `${B}/years/2024/orgs/db-tong-cong-ty-b`,
        `${B}/years/2025`,
        `${B}/years/2025/orgs/cb-cong-ty-a`,
      ],
      updated: [],
      unchanged: 0,
      removedFromConfig: [],
    });
    expect(await rawDoc(B)).toEqual({
      name: 'Đảng bộ Khối Doanh nghiệp',
      timeZone: 'Asia/Ho_Chi_Minh',
      admins: ['van.phong@khoi.vn'],
      leaders: ['bi.thu@khoi.vn', 'pho.bi.thu@khoi.vn'],
      support: 'Văn phòng Đảng ủy Khối, 0236 3822 111, van.phong@khoi.vn',
      oauthClientIds: ['123-abc.apps.googleusercontent.com'],
      // No report block in the file: the defaults, stored so the rollup carries them.
      report: {
        superior: null,
        issuer: null,
        number: 'Số      -BC/ĐU',
        place: null,
        signerFor: 'T/M BAN THƯỜNG VỤ',
        signerTitle: 'BÍ THƯ',
        signerName: null,
        recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức cơ sở đảng trực thuộc', 'Lưu Văn phòng.'],
      },
      terms: [],
    });
    expect(await rawDoc(`${B}/years/2024`)).toEqual({
      year: 2024,
      deadline: '2025-01-15T10:00:00.000Z',
      rulePack: null,
      exemplaryScale: ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'],
      quotaMode: 'warning',
      quotaPercent: 20,
      evaluationDate: '2024-12-31',
      summarySpreadsheetId: null,
      mergedInto: {},
      orgFiguresRequired: [],
    });
    expect(await rawDoc(`${B}/years/2024/orgs/db-tong-cong-ty-b`)).toEqual({
      orgId: 'db-tong-cong-ty-b',
      name: 'Đảng bộ Tổng công ty B',
      secretaries: ['bithu.b@tctb.vn', 'vanphong.b@tctb.vn'],
      expectedMembers: 140,
      inConfig: true,
      state: 'not_submitted',
      lastSubmission: null,
      contentHash: null,
      tally: null,
      cardHashes: null,
      orgFigures: null,
      acceptedQuotaReason: null,
      deadlineOverride: null,
      stateChange: null,
      updatedAt: T1.toISOString(),
    });
    // Typed reads go through the zod converters.
    expect((await yearRef(fs.db, 'khoi-doanh-nghiep', 2025).get()).data()).toMatchObject({ rulePack: 'qd366', quotaMode: 'error' });
    expect((await blocRef(fs.db, 'khoi-doanh-nghiep').get()).data()?.admins).toEqual(['van.phong@khoi.vn']);

    const audit = (await auditCol(fs.db, 'khoi-doanh-nghiep', 2025).get()).docs.map((d) => d.data());
    expect(audit).toEqual([
      {
        action: 'config',
        orgId: null,
        by: BY,
        at: T1.toISOString(),
        reason: null,
        details: { created: [B, `${B}/years/2025`, `${B}/years/2025/orgs/cb-cong-ty-a`], updated: [], removedFromConfig: [] },
      },
    ]);
  });

  it('applying the same file twice changes nothing', async () => {
    await applyBlocConfig(fs.db, config(), { by: BY, now: T1 });
    const again = await applyBlocConfig(fs.db, config(), { by: BY, now: T2 });
    expect(again).toEqual({ created: [], updated: [], unchanged: 6, removedFromConfig: [] });
    expect((await auditCol(fs.db, 'khoi-doanh-nghiep', 2024).get()).size).toBe(1);
    expect((await rawDoc(`${B}/years/2024/orgs/cb-cong-ty-a`))?.updatedAt).toBe(T1.toISOString());
  });

  it('a changed secretary is exactly that update and keeps the state, tally and submission', async () => {
    await applyBlocConfig(fs.db, config(), { by: BY, now: T1 });
    const ref = orgRef(fs.db, 'khoi-doanh-nghiep', 2024, 'cb-cong-ty-a');
    const lastSubmission = { at: '2025-01-10T02:00:00.000Z', by: 'bithu.a@congtya.vn', submissionId: 's-1' };
    await ref.update({ state: 'submitted', tally: TALLY, contentHash: 'h1', lastSubmission });

    const edited = FIXTURE.replace('secretaries: [Bithu.A@congtya.vn]', 'secretaries: [pho.bithu.a@congtya.vn]');
    const changes = await applyBlocConfig(fs.db, parseBlocConfig(edited), { by: BY, now: T2 });
    expect(changes).toEqual({
      created: [],
      updated: [{ path: `${B}/years/2024/orgs/cb-cong-ty-a`, fields: ['secretaries'] }],
      unchanged: 5,
      removedFromConfig: [],
    });
    expect((await ref.get()).data()).toMatchObject({
      secretaries: ['pho.bithu.a@congtya.vn'],
      state: 'submitted',
      tally: STORED_TALLY,
      contentHash: 'h1',
      lastSubmission,
      updatedAt: T2.toISOString(),
    });
    const audit = (await auditCol(fs.db, 'khoi-doanh-nghiep', 2024).orderBy('at').get()).docs.map((d) => d.data());
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ updated: [] }),
      { created: [], updated: changes.updated, removedFromConfig: [] },
    ]);
    expect((await auditCol(fs.db, 'khoi-doanh-nghiep', 2025).get()).size).toBe(1);
  });

  it('keeps an organisation removed from the config and reports it', async () => {
    await applyBlocConfig(fs.db, config(), { by: BY, now: T1 });
    const cfg = config();
    const year = cfg.years['2024'];
    if (year === undefined) throw new Error('fixture has 2024');
    const trimmed: BlocConfig = { ...cfg, years: { ...cfg.years, 2024: { ...year, orgs: year.orgs.slice(0, 1) } } };
    const removed = `${B}/years/2024/orgs/db-tong-cong-ty-b`;
    expect(await applyBlocConfig(fs.db, trimmed, { by: BY, now: T2 })).toEqual({
      created: [],
      updated: [{ path: removed, fields: ['inConfig'] }],
      unchanged: 5,
      removedFromConfig: [removed],
    });
    expect(await applyBlocConfig(fs.db, trimmed, { by: BY, now: T2 })).toEqual({
      created: [],
      updated: [],
      unchanged: 5,
      removedFromConfig: [removed],
    });
    expect((await orgsCol(fs.db, 'khoi-doanh-nghiep', 2024).get()).size).toBe(2);
    expect((await rawDoc(removed))?.inConfig).toBe(false);
    // Back in the config: active again.
    const back = await applyBlocConfig(fs.db, config(), { by: BY, now: T2 });
    expect(back.updated).toEqual([{ path: removed, fields: ['inConfig'] }]);
  });

  it('keeps a summary spreadsheet the config does not name', async () => {
    await applyBlocConfig(fs.db, config(), { by: BY, now: T1 });
    await yearRef(fs.db, 'khoi-doanh-nghiep', 2024).update({ summarySpreadsheetId: 'sheet-1' });
    expect((await applyBlocConfig(fs.db, config(), { by: BY, now: T2 })).updated).toEqual([]);
    expect((await rawDoc(`${B}/years/2024`))?.summarySpreadsheetId).toBe('sheet-1');
  });
});
