import { beforeEach, describe, expect, it } from 'vitest';
import { memberIndexRef, orgRef, submissionRef, yearRef } from '../../functions/src/store/paths.js';
import { useFirestore } from '../support/firestore/emulator.js';

const fs = useFirestore('demo-collections');
const AT = '2025-01-10T02:00:00.000Z';

describe('store: records, converter, paths', () => {
  beforeEach(() => fs.clear());

  it('builds the documented paths', () => {
    expect(orgRef(fs.db, 'khoi', 2024, 'cb-a').path).toBe('blocs/khoi/years/2024/orgs/cb-a');
    expect(memberIndexRef(fs.db, 'khoi', 2024, 'cb-a').path).toBe('blocs/khoi/years/2024/orgs/cb-a/index/members');
    expect(submissionRef(fs.db, 'khoi', 2024, 'cb-a', 's-1').path).toBe('blocs/khoi/years/2024/orgs/cb-a/submissions/s-1');
  });

  it('refuses ids that are not one path segment', () => {
    expect(() => orgRef(fs.db, 'khoi', 2024, 'a/b')).toThrow('Invalid org id "a/b"');
    expect(() => yearRef(fs.db, '..', 2024)).toThrow('Invalid bloc id ".."');
    expect(() => yearRef(fs.db, 'khoi', 24)).toThrow('Invalid year 24');
  });

  it('stores a submission answer as gzipped JSON and reads it back whole (nested arrays included)', async () => {
    const ref = submissionRef(fs.db, 'khoi', 2024, 'cb-a', 's-1');
    const response = { result: 'accepted', grid: [[1, 2], [3]], rows: [{ row: 2, status: 'imported' }] };
    await ref.set({ submissionId: 's-1', by: 'a@b.vn', at: AT, dryRun: false, counts: { imported: 1 }, contentHash: 'h', result: 'accepted', status: 200, response, rowStatuses: null, rowsHash: null });
    expect((await fs.db.doc(ref.path).get()).get('response')).toBeInstanceOf(Uint8Array); // gzipped JSON
    expect((await ref.get()).data()?.response).toEqual(response);
  });

  it('an answer whose JSON passes the 1 MiB a document holds (1.000 long warnings, 5.000 rows) is stored and read back whole', async () => {
    const ref = submissionRef(fs.db, 'khoi', 2024, 'cb-a', 's-big');
    const issues = Array.from({ length: 1_000 }, (_, i) => ({ severity: 'warning', code: 'EXCELLENT_LOW_EXEMPLARY', row: i + 2, column: 'Nêu gương', columnIndex: 12, message: `Dòng ${i + 2}, cột “Nêu gương”: ${'đảng viên hoàn thành xuất sắc nhiệm vụ '.repeat(20)}` }));
    const rows = Array.from({ length: 5_000 }, (_, i) => ({ row: i + 2, cardNumber: `79.${String(i).padStart(6, '0')}`, status: 'imported' }));
    const response = { result: 'accepted', rows, issues };
    expect(Buffer.byteLength(JSON.stringify(response))).toBeGreaterThan(1_048_576);
    await ref.set({ submissionId: 's-big', by: 'a@b.vn', at: AT, dryRun: false, counts: { imported: 5_000 }, contentHash: 'h', result: 'accepted', status: 200, response, rowStatuses: null, rowsHash: null });
    expect((await ref.get()).data()?.response).toEqual(response);
  });

  it('refuses to write an invalid document and names the path of an invalid stored one', async () => {
    const ref = yearRef(fs.db, 'khoi', 2024);
    const bad = { year: 2024, deadline: 'soon', rulePack: null, exemplaryScale: ['a', 'b'], quotaMode: 'warning' as const, quotaPercent: 20, evaluationDate: null, summarySpreadsheetId: null, mergedInto: {}, orgFiguresRequired: [] };
    // Like Firestore's own argument checks, the converter throws synchronously.
    expect(() => ref.set(bad)).toThrow(/Refusing to write an invalid document: .*deadline/s);
    await fs.db.doc(ref.path).set({ year: 2024, deadline: 'soon' });
    const snap = await ref.get();
    expect(() => snap.data()).toThrow(/Invalid document blocs\/khoi\/years\/2024: .*deadline/s);
  });
});
