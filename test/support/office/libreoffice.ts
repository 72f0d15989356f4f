import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice (`soffice`) and poppler's `pdftotext`, when this machine has them. */
const has = (command: string, flag: string): boolean => spawnSync(command, [flag], { stdio: 'ignore' }).status === 0;
export const HAS_LIBREOFFICE = has('soffice', '--version') && has('pdftotext', '-v');
export const NO_LIBREOFFICE_REASON = 'skipped: LibreOffice (soffice) or pdftotext is not installed (Debian: libreoffice-calc, libreoffice-writer, poppler-utils)';

/**
 * Converts a file to PDF with a private LibreOffice profile (a profile in use by another
 * soffice makes the conversion silently do nothing); returns the PDF's text, page by page.
 */
export function pdfPagesOf(file: string, outDir: string): string[] {
  const profileDir = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file], { stdio: 'ignore', timeout: 120_000 });
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
  const pdf = join(outDir, file.replace(/^.*\//, '').replace(/\.[^.]+$/, '.pdf'));
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
}
