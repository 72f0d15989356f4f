import type { Cell } from '../../../functions/src/domain/schema.js';

/**
 * A .csv export of a list: UTF-8 with or without a BOM, fields separated by commas or by
 * semicolons (Excel's choice where the decimal separator is a comma, as in Vietnamese
 * settings), quoted fields with doubled quotes and line breaks inside. Every cell is text, as
 * typed; the validator reads dates, numbers and card numbers from text.
 */
export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
}

export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CsvEncodingError(
      'Tệp CSV không được lưu theo mã UTF-8 nên chữ tiếng Việt sẽ bị sai. Hãy mở tệp bằng Excel, chọn Lưu thành “CSV UTF-8 (Comma delimited)” rồi thử lại.',
    );
  }
}

function splitRecords(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The delimiter that splits the first lines into the most fields (a header has many). */
function detectDelimiter(text: string): string {
  const head = text.slice(0, 4096);
  const widest = (d: string): number => Math.max(0, ...splitRecords(head, d).slice(0, 20).map((r) => r.length));
  return widest(';') > widest(',') ? ';' : ',';
}

export function parseCsv(bytes: Uint8Array): Cell[][] {
  const text = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  return splitRecords(text, delimiter).map((row) => row.map((field) => (field.trim() === '' ? null : field)));
}
