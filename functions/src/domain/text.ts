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

 
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Invisible marks nobody types on purpose: LRM/RLM, bidi embeddings, overrides and isolates, word joiner, BOM. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
/** Half of a surrogate pair alone is no character (Firestore would store U+FFFD instead). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A character cleanText never touches (but for NFC): no space of any kind, no control,
 * invisible or surrogate code unit (astral characters take the long way). Text made of runs of
 * them separated by single spaces is already clean. NFC cannot bring back anything the long way
 * strips: the only canonical decompositions to a space (U+2000, U+2001) are spaces themselves.
 */
const PLAIN_CHAR = String.raw`[^\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff]`;
 
const ALREADY_CLEAN = new RegExp(`^${PLAIN_CHAR}+(?: ${PLAIN_CHAR}+)*$`);

/**
 * Text as a person typed it, made safe to store: NFC; C0/C1 control characters (but tab and
 * line breaks), invisible bidi and format marks and lone surrogates stripped; a zero-width
 * space counts as a space; spaces single, ends trimmed. So a name is stored as it reads.
 */
export function cleanText(text: string): string {
  // Most cells need nothing but NFC: one scan instead of five passes (validation throughput).
  return ALREADY_CLEAN.test(text) ? text.normalize('NFC') : cleanTextFully(text);
}

/** cleanText without its shortcut for text that is already clean (a test checks they agree). */
export function cleanTextFully(text: string): string {
  return text
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROL_CHARS, '')
    .replace(INVISIBLE, '')
    .replace(/[ \t\u00a0\u200b]+/g, ' ')
    .trim();
}

/** A cell as text, or '' when it is empty. Numbers keep their plain JS rendering. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cleanText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

export function isBlankCell(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return false;
  // A printable ASCII first character survives cleaning: no need to clean the whole text.
  if (typeof value === 'string' && value.length > 0) {
    const first = value.charCodeAt(0);
    if (first > 0x20 && first < 0x7f) return false;
  }
  return cellText(value) === '';
}
