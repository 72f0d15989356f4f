import type { Deps } from '../deps.js';
import { localMoment, requireAdmin } from '../domain/access.js';
import { runRollupRequestSchema, type RunRollupAnswer } from '../domain/contract.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { latestYear, runRollup } from '../rollup/rollup-job.js';

/** An admin asks for the summary now instead of waiting for the schedule. */
export async function rollupNow(deps: Deps, caller: Caller, body: unknown): Promise<RunRollupAnswer> {
  const request = parseBody(runRollupRequestSchema, body ?? {});
  requireAdmin(caller.email, caller.bloc);
  const year = request.year ?? (await latestYear(deps));
  if (year === null) return { status: 'skipped', reason: 'no_year', message: 'Chưa có năm đánh giá nào được cấu hình, nên chưa có gì để tổng hợp.' };
  const outcome = await runRollup(deps, year, { force: request.force, bloc: caller.bloc });
  return outcome.status === 'written'
    ? { status: 'written', year, reads: outcome.reads, sheetsRequests: outcome.sheetsRequests, headline: outcome.rollup.submission }
    : outcome.reason === 'running'
      ? {
          status: 'skipped',
          year,
          reason: 'running',
          until: outcome.until,
          message: `Một lần tổng hợp khác đang chạy (hoặc vừa bị gián đoạn); hãy thử lại sau ${localMoment(outcome.until, caller.bloc.timeZone)}.`,
        }
      : { status: 'skipped', year, reason: 'unchanged', message: `Bảng tổng hợp năm ${year} đã cập nhật: không có dữ liệu mới kể từ lần tổng hợp trước.` };
}
