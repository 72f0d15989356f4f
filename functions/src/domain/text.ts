/**
 * Folding makes header and value matching forgiving in exactly the ways DOMAIN.md lists:
 * case, extra spaces, diacritics and Unicode form (NFC/NFD) are ignored.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /[\s\u00a0\u200b]+/g;

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

const PUNCTUATION = /[^\p{L}\p{N} ]+/gu;

/** Folding that also ignores punctuation: “Lãnh đạo, quản lý” = “lãnh đạo quản lý”. */
export function foldLoose(text: string): string {
  return fold(text).replace(PUNCTUATION, ' ').replace(/ +/g, ' ').trim();
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as a person typed it, made safe to store: NFC, no control characters, single-spaced ends. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(CONTROL_CHARS, '').replace(/[ \t\u00a0]+/g, ' ').trim();
}

/** A cell as text, or '' when it is empty. Numbers keep their plain JS rendering. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function isBlankCell(value: unknown): boolean {
  return cellText(value) === '';
}
