import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlocConfigError, parseDeadline } from '../../../functions/src/bloc-config/schema.js';
import { parseBlocConfig } from '../../../local/src/bloc-config-file.js';

const FIXTURE = readFileSync(new URL('../../fixtures/bloc-config.yaml', import.meta.url), 'utf8');

function issuesOf(text: string): string[] {
  try {
    parseBlocConfig(text, 'bloc.yaml');
  } catch (error) {
    if (error instanceof BlocConfigError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('expected a BlocConfigError');
}

const minimal = (years: string): string => `
id: khoi
name: Khối
admins: [a@k.vn]
oauthClientIds: [client]
years:
${years}`;

describe('parseBlocConfig', () => {
  it('parses the sample: lower-cased sorted e-mails, defaults, deadlines as UTC instants', () => {
    const config = parseBlocConfig(FIXTURE, 'bloc-config.yaml');
    expect(config).toMatchObject({
      id: 'khoi-doanh-nghiep',
      timeZone: 'Asia/Ho_Chi_Minh',
      admins: ['van.phong@khoi.vn'],
      leaders: ['bi.thu@khoi.vn', 'pho.bi.thu@khoi.vn'],
      oauthClientIds: ['123-abc.apps.googleusercontent.com'],
    });
    expect(config.years['2024']).toEqual({
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
      orgs: [
        { id: 'cb-cong-ty-a', name: 'Chi bộ Công ty A', secretaries: ['bithu.a@congtya.vn'], expectedMembers: 12 },
        { id: 'db-tong-cong-ty-b', name: 'Đảng bộ Tổng công ty B', secretaries: ['bithu.b@tctb.vn', 'vanphong.b@tctb.vn'], expectedMembers: 140 },
      ],
    });
    expect(config.years['2025']).toMatchObject({ deadline: '2026-01-15T10:00:00.000Z', rulePack: 'qd366', quotaMode: 'error' });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({ id: 'k', name: 'K', admins: ['a@k.vn'], oauthClientIds: ['c'], years: {} });
    expect(parseBlocConfig(json)).toMatchObject({ id: 'k', timeZone: 'Asia/Ho_Chi_Minh', leaders: [], years: {} });
  });

  it('interprets deadlines in the bloc zone unless they carry an offset', () => {
    expect(parseDeadline('15/01/2025 17:00', 'Asia/Ho_Chi_Minh')).toBe('2025-01-15T10:00:00.000Z');
    expect(parseDeadline('5/1/2025 7:05', 'Asia/Ho_Chi_Minh')).toBe('2025-01-05T00:05:00.000Z');
    expect(parseDeadline('2025-01-15T17:00+07:00', 'UTC')).toBe('2025-01-15T10:00:00.000Z');
    expect(parseDeadline('2025-01-15', 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(parseDeadline('32/01/2025 17:00', 'Asia/Ho_Chi_Minh')).toBeNull();
  });

  it('names the path and what is expected for each problem', () => {
    const text = `
id: khối!
name: ""
timeZone: Asia/Hanoi_Town
admins: [not-an-email]
oauthClientIds: []
adminz: [x@y.vn]
years:
  24:
    deadline: 15/01/2025
    orgs: []
  2024:
    deadline: 31/02/2025 17:00
    evaluationDate: 2024/12/31
    quotaMode: strict
    exemplaryScale: [Tốt]
    orgs:
      - id: cb-a
        name: A
        secretaries: [a@x.vn, sai-email]
        expectedMembers: -1
      - id: cb-a
        name: B
        secretary: [b@x.vn]
        expectedMembers: "12"
`;
    expect(issuesOf(text)).toEqual([
      'id: chỉ gồm chữ cái không dấu, chữ số, "-" và "_", tối đa 64 ký tự (letters, digits, - and _)',
      'name: không được để trống (must not be empty)',
      'timeZone: không phải múi giờ IANA, ví dụ Asia/Ho_Chi_Minh (time zone)',
      'admins[0]: không phải địa chỉ e-mail hợp lệ (expected an e-mail address)',
      'oauthClientIds: cần ít nhất 1 phần tử (needs at least 1)',
      'years.24: năm phải là số có 4 chữ số, ví dụ 2024 (year)',
      'years.2024.exemplaryScale: cần ít nhất 2 phần tử (needs at least 2)',
      'years.2024.quotaMode: phải là một trong: "warning", "error" (expected one of these values)',
      'years.2024.orgs[0].secretaries[1]: không phải địa chỉ e-mail hợp lệ (expected an e-mail address)',
      'years.2024.orgs[0].expectedMembers: phải ≥ 0 (too small)',
      'years.2024.orgs[1].secretaries: bắt buộc, chưa có giá trị (required)',
      'years.2024.orgs[1].expectedMembers: phải là số (expected number)',
      'years.2024.orgs[1]: khóa không được hỗ trợ: secretary — kiểm tra lỗi chính tả (unknown key)',
      '(gốc): khóa không được hỗ trợ: adminz — kiểm tra lỗi chính tả (unknown key)',
    ]);
  });

  it('reports duplicate org ids and bad dates with their paths', () => {
    const text = minimal(`
  2024:
    deadline: 31/02/2025 17:00
    evaluationDate: 2024/12/31
    orgs:
      - { id: cb-a, name: A, secretaries: [a@x.vn], expectedMembers: 1 }
      - { id: cb-a, name: B, secretaries: [b@x.vn], expectedMembers: 2 }`);
    // Every issue at once: the dates are checked beside the ids, not only once the ids are right.
    expect(issuesOf(text)).toEqual([
      'years.2024.deadline: "31/02/2025 17:00" không phải thời điểm hợp lệ; ghi dạng ngày/tháng/năm giờ:phút, ví dụ 15/01/2025 17:00 (expected dd/MM/yyyy HH:mm or ISO)',
      'years.2024.evaluationDate: "2024/12/31" không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 31/12/2024 (expected dd/MM/yyyy or yyyy-mm-dd)',
      'years.2024.orgs[1].id: mã tổ chức "cb-a" trùng với orgs[0] (duplicate org id)',
    ]);
    const dates = minimal(`
  2024:
    deadline: 31/02/2025 17:00
    evaluationDate: 2024/12/31
    orgs: []`);
    expect(issuesOf(dates)).toEqual([
      'years.2024.deadline: "31/02/2025 17:00" không phải thời điểm hợp lệ; ghi dạng ngày/tháng/năm giờ:phút, ví dụ 15/01/2025 17:00 (expected dd/MM/yyyy HH:mm or ISO)',
      'years.2024.evaluationDate: "2024/12/31" không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 31/12/2024 (expected dd/MM/yyyy or yyyy-mm-dd)',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf('id: k\nname: [unclosed\n');
    expect(issue).toBe('dòng 3, cột 1: sai cú pháp YAML/JSON (syntax error): Flow sequence in block collection must be sufficiently indented and end with a ]');
  });

  it('has a readable overall message', () => {
    expect(() => parseBlocConfig(minimal('  2024: { deadline: x, orgs: [] }'), 'bloc.yaml')).toThrow(
      'Tệp cấu hình bloc.yaml không hợp lệ (invalid bloc config):\n  - years.2024.deadline: "x" không phải',
    );
  });
});
