import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * One catalogue of the add-on's texts: every Vietnamese string literal of the add-on's sources
 * lives in src/texts (what secretaries read) or admin/labels.ts (the admin console's
 * catalogue). Comments may say anything; only string and template literals are read, through
 * the TypeScript parser.
 */
const SRC = resolve(import.meta.dirname, '../../../sheets-addon/src');
const CATALOGUE = (path: string): boolean => path.startsWith('texts/') || path === 'admin/labels.ts';
/** A letter only Vietnamese (of the languages in these sources) writes: a vowel with a mark, or đ. */
const VIETNAMESE = /[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯư\u1EA0-\u1EF9]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface Literal {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function literals(file: string): Literal[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ file: relative(SRC, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ALL = sources(SRC).flatMap(literals);
const where = (l: Literal): string => `${l.file}:${l.line}: ${l.text.slice(0, 60)}`;

describe('the add-on’s texts', () => {
  it('every Vietnamese string literal is in the catalogue (src/texts, admin/labels.ts)', () => {
    expect(ALL.filter((l) => !CATALOGUE(l.file) && VIETNAMESE.test(l.text)).map(where)).toEqual([]);
  });

  it('the check would see one: the catalogue holds the texts it is said to', () => {
    const catalogued = ALL.filter((l) => CATALOGUE(l.file) && VIETNAMESE.test(l.text));
    expect(catalogued.map((l) => l.text)).toEqual(expect.arrayContaining(['Tạo bảng đánh giá', 'Đang đọc bảng…', 'Quản trị: Nhắc nộp']));
    expect(new Set(catalogued.map((l) => l.file.split('/')[0]))).toEqual(new Set(['texts', 'admin']));
  });

  it('no jargon where secretaries read: no OAuth, status codes, “chữ ký” or “e-mail” in src/texts', () => {
    const jargon = /OAuth|\bmã (4|5)\d\d\b|\b(4|5)\d\d\b|chữ ký|e-?mail/i;
    expect(ALL.filter((l) => l.file.startsWith('texts/') && jargon.test(l.text)).map(where)).toEqual([]);
  });
});
