import { fieldProblemSchema, RULE_PACKS } from '../domain.js';
import { COLOURS } from '../texts/labels.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { applyConfig, dryRunConfig, loadConfig } from './backend.js';
import { CONFIG_COLUMNS, checkConfigSheet, configGrid, configNotes, HEADER_ROW, locate, QUOTA_MODE_LABELS, readConfigSheet, settingRow, type LocatedIssue, type ParsedConfigSheet } from './config-sheet.js';
import { alert, askYear, consoleSheet, consoleSheetOf, failed, formatDate, headerFills, writeGrid, type ConsoleSheet } from './console-sheet.js';
import { configSheetName } from './labels.js';

/**
 * “Tải cấu hình”, “Kiểm tra cấu hình”, “Áp dụng cấu hình”: the year's configuration as a
 * sheet, checked offline with the server's schema (bad cells red, with a note saying how to
 * fix), then sent as a dry run whose changes the admin confirms before they are applied.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const NOT_A_CONFIG_SHEET: Notice = {
  kind: 'warning',
  title: 'Chưa mở trang cấu hình',
  text: 'Hãy mở trang tính “Cấu hình <năm>” (tạo bằng “Quản trị: Tải cấu hình”) rồi thực hiện lại.',
};

export function loadConfigSheet(): Notice {
  const ui = SpreadsheetApp.getUi();
  const year = askYear(ui, 'Tải cấu hình năm');
  if (year === null) return { kind: 'info', title: 'Đã hủy', text: 'Chưa tải cấu hình.' };
  const reply = loadConfig(year);
  if (!reply.ok) return failed(reply);
  const { config, bloc, exists } = reply.data;
  const grid = configGrid(year, bloc.name, config);
  const sheet = consoleSheet(configSheetName(year), { kind: 'config', year, timeZone: bloc.timeZone });
  writeGrid(sheet, { values: grid.values, notes: grid.notes, fills: headerFills(grid.values.length, CONFIG_COLUMNS, [1, HEADER_ROW]) });
  const list = (values: readonly string[]) => SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(false).build();
  sheet.getRange(settingRow('quotaMode'), 2).setDataValidation(list([QUOTA_MODE_LABELS.warning, QUOTA_MODE_LABELS.error]));
  sheet.getRange(settingRow('rulePack'), 2).setDataValidation(list([...RULE_PACKS]));
  sheet.setFrozenRows(HEADER_ROW);
  sheet.activate();
  return {
    kind: 'success',
    title: `Đã tải cấu hình năm ${year}`,
    text: exists
      ? `Trang “${sheet.getName()}” có các thông số của năm và ${config.orgs.length} tổ chức. Sửa trực tiếp trong trang, rồi chọn “Quản trị: Kiểm tra cấu hình” và “Quản trị: Áp dụng cấu hình”.`
      : `Năm ${year} chưa được cấu hình: trang “${sheet.getName()}” lấy thông số của năm gần nhất và chưa có tổ chức nào. Hãy điền rồi áp dụng.`,
  };
}

function paint(sheet: Sheet, rows: number, issues: readonly LocatedIssue[]): void {
  const fills = headerFills(rows, CONFIG_COLUMNS, [1, HEADER_ROW]);
  const notes = configNotes(rows);
  for (const issue of issues) {
    const line = fills[issue.row - 1];
    const noteLine = notes[issue.row - 1];
    if (line) line[issue.column - 1] = COLOURS.error;
    if (noteLine) noteLine[issue.column - 1] = `${noteLine[issue.column - 1] ? `${noteLine[issue.column - 1] ?? ''}\n` : ''}⛔ ${issue.message}`;
  }
  const range = sheet.getRange(1, 1, rows, CONFIG_COLUMNS);
  range.setBackgrounds(fills);
  range.setNotes(notes);
}

const where = (issue: LocatedIssue) => `Dòng ${issue.row}, cột ${'ABCDE'[issue.column - 1] ?? '?'}: ${issue.message}`;

function issuesNotice(issues: readonly LocatedIssue[], sent: boolean): Notice {
  return {
    kind: 'error',
    title: `Cấu hình có ${issues.length} lỗi`,
    text: `${sent ? 'Máy chủ chưa áp dụng gì. ' : 'Chưa gửi gì lên máy chủ. '}Các ô có lỗi được tô đỏ, ghi chú ở từng ô nói cách sửa:\n${issues.slice(0, 10).map(where).join('\n')}${issues.length > 10 ? `\n… và ${issues.length - 10} lỗi khác.` : ''}`,
  };
}

interface Checked {
  readonly sheet: Sheet;
  readonly meta: ConsoleSheet;
  readonly parsed: ParsedConfigSheet;
  readonly rows: number;
  readonly issues: LocatedIssue[];
}

function check(): Checked | Notice {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const meta = consoleSheetOf(sheet);
  if (meta?.kind !== 'config') return NOT_A_CONFIG_SHEET;
  const values: unknown[][] = sheet.getDataRange().getValues();
  const parsed = readConfigSheet(values, formatDate(meta.timeZone));
  const issues = checkConfigSheet(parsed, meta.year, meta.timeZone);
  const rows = Math.max(values.length, HEADER_ROW);
  paint(sheet, rows, issues);
  return { sheet, meta, parsed, rows, issues };
}

export function checkConfig(): Notice {
  const checked = check();
  if (!('parsed' in checked)) return checked;
  if (checked.issues.length > 0) return issuesNotice(checked.issues, false);
  return { kind: 'success', title: 'Cấu hình không có lỗi', text: `Đã kiểm tra ${checked.parsed.orgCount} tổ chức và các thông số năm ${checked.meta.year}: không có lỗi. Có thể chọn “Quản trị: Áp dụng cấu hình”.` };
}

/** The server's 400 names `config.orgs.3.name`: the same cells the offline check marks. */
function serverIssues(body: unknown, parsed: ParsedConfigSheet): LocatedIssue[] {
  const fields = fieldProblemSchema.array().safeParse(body);
  if (!fields.success) return [];
  return fields.data.map((f) => {
    const path = f.path.split('.').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return { ...locate(path, parsed), message: f.message };
  });
}

export function applyConfigSheet(): Notice {
  const checked = check();
  if (!('parsed' in checked)) return checked;
  const { sheet, meta, parsed, rows } = checked;
  if (checked.issues.length > 0) return issuesNotice(checked.issues, false);
  const dry = dryRunConfig(meta.year, parsed.config);
  if (!dry.ok) {
    const located = dry.failure?.kind === 'http' ? serverIssues(dry.failure.body?.fields, parsed) : [];
    if (located.length > 0) {
      paint(sheet, rows, located);
      return issuesNotice(located, true);
    }
    return failed(dry);
  }
  if (dry.data.lines.length === 0) return { kind: 'info', title: 'Không có thay đổi', text: `Cấu hình năm ${meta.year} trên máy chủ đã đúng như trang tính; không có gì để áp dụng.` };
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(
    `Áp dụng ${dry.data.lines.length} thay đổi cho năm ${meta.year}?`,
    `${dry.data.lines.join('\n')}\n\nChọn “Có” để áp dụng (được ghi vào nhật ký), “Không” để hủy.`,
    ui.ButtonSet.YES_NO,
  );
  if (answer !== ui.Button.YES) return { kind: 'info', title: 'Đã hủy', text: 'Chưa áp dụng thay đổi nào.' };
  const applied = applyConfig(meta.year, parsed.config, dry.data.planHash);
  if (!applied.ok) return failed(applied);
  return { kind: 'success', title: `Đã áp dụng cấu hình năm ${meta.year}`, text: `Đã áp dụng ${applied.data.lines.length} thay đổi:\n${applied.data.lines.join('\n')}` };
}

export const menuAdminLoadConfig = (): void => { alert(loadConfigSheet()); };
export const menuAdminCheckConfig = (): void => { alert(checkConfig()); };
export const menuAdminApplyConfig = (): void => { alert(applyConfigSheet()); };
