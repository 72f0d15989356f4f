import type { Firestore } from '@google-cloud/firestore';
import { reportSentences } from '../../../functions/src/domain/report.js';
import type { BlocRollup } from '../../../functions/src/domain/rollup.js';
import { buildSummaryModel, type SummaryModel } from '../../../functions/src/domain/summary-model.js';
import { decodeRollup, latestYear } from '../../../functions/src/rollup/rollup-job.js';
import { rollupRef } from '../../../functions/src/store/paths.js';

/**
 * The summary of a year from the rollup the last rollup run stored (one document: no member,
 * no organisation is read), for the admins' Word report of a deployed ledger.
 */
export async function storedSummary(db: Firestore, blocId: string, year?: number): Promise<{ rollup: BlocRollup; model: SummaryModel }> {
  const wanted = year ?? (await latestYear({ db, blocId }));
  if (wanted === null) throw new Error(`Khối “${blocId}” chưa có năm đánh giá nào trong Firestore.`);
  const rollup = decodeRollup((await rollupRef(db, blocId, wanted).get()).data());
  if (rollup === null) throw new Error(`Chưa có số liệu tổng hợp năm ${String(wanted)} của khối “${blocId}”: hãy chạy runRollup (hoặc chờ lần tổng hợp theo lịch) rồi thử lại.`);
  return { rollup, model: buildSummaryModel(rollup, reportSentences(rollup)) };
}
