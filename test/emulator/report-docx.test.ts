import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyBlocConfig } from '../../functions/src/bloc-config/apply.js';
import { reportSentences } from '../../functions/src/domain/report.js';
import { runRollup } from '../../functions/src/rollup/rollup-job.js';
import { parseBlocConfig } from '../../local/src/bloc-config-file.js';
import { reportDocxBuffer } from '../../local/src/docx/report-docx.js';
import { storedSummary } from '../../local/src/docx/stored-report.js';
import { useFirestore } from '../support/firestore/emulator.js';

/** The admins' Word report of a deployed ledger: bloc config → Firestore → stored rollup → .docx. */
const fs = useFirestore('demo-report-docx');
const yaml = `${readFileSync(new URL('../fixtures/bloc-config.yaml', import.meta.url), 'utf8')}
report:
  place: Thủ Dầu Một
  signerTitle: PHÓ BÍ THƯ
  signerName: Trần Thị Hoa
`;
const NOW = new Date('2025-01-20T03:30:00.000Z');

describe('the Word report from the stored rollup', () => {
  beforeEach(() => fs.clear());

  it('reads only the stored rollup and signs as the bloc configuration says', async () => {
    const config = parseBlocConfig(yaml, 'bloc-config.yaml');
    expect(config.report).toMatchObject({ place: 'Thủ Dầu Một', signerFor: 'T/M BAN THƯỜNG VỤ', signerTitle: 'PHÓ BÍ THƯ', signerName: 'Trần Thị Hoa' });
    await applyBlocConfig(fs.db, config, { by: 'van.phong@khoi.vn', now: NOW });
    const outcome = await runRollup({ db: fs.db, blocId: config.id, now: () => NOW }, 2025, { force: true });
    expect(outcome.status).toBe('written');

    const { rollup, model } = await storedSummary(fs.db, config.id);
    expect(rollup.year).toBe(2025);
    expect(rollup.report?.signerName).toBe('Trần Thị Hoa');
    const zip = await JSZip.loadAsync(await reportDocxBuffer(model.report, model.footer));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const words = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
    expect(words).toEqual(expect.arrayContaining(['ĐẢNG BỘ KHỐI DOANH NGHIỆP', 'PHÓ BÍ THƯ', 'Trần Thị Hoa', 'Thủ Dầu Một, ngày 20 tháng 01 năm 2025']));
    for (const sentence of reportSentences(rollup)) expect(words).toContain(sentence);
  });

  it('says what to run when no rollup is stored yet', async () => {
    await applyBlocConfig(fs.db, parseBlocConfig(yaml, 'bloc-config.yaml'), { by: 'van.phong@khoi.vn', now: NOW });
    await expect(storedSummary(fs.db, 'khoi-doanh-nghiep', 2025)).rejects.toThrow('hãy chạy runRollup');
  });
});
