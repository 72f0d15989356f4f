import type { ProgressEvent } from '../local/src/stack/pipeline.js';
import type { BlocRollup } from '../functions/src/domain/rollup.js';
import { formatInt } from '../functions/src/domain/format.js';

/** What `npm start` prints: progress while it works, rejected files with their errors, the headline. */
export function printer(out: NodeJS.WriteStream) {
  const live = out.isTTY === true;
  const line = (text: string) => out.write(`${live ? '\r\x1b[K' : ''}${text}\n`);
  const RESULT: Readonly<Record<string, string>> = { accepted: 'đã ghi nhận', unchanged: 'không đổi', dry_run: 'kiểm tra' };
  return {
    step: (text: string) => line(`• ${text}`),
    progress(event: ProgressEvent) {
      switch (event.kind) {
        case 'submitted': {
          const text = `  [${event.year}] ${event.done}/${event.total} ${event.org.name}: ${formatInt(event.listed)} đảng viên, ${RESULT[event.result] ?? event.result}`;
          if (live) out.write(`\r\x1b[K${text}`);
          else if (event.done % 10 === 0 || event.done === event.total) line(text);
          return;
        }
        case 'rejected':
          line(`  ✗ [${event.year}] ${event.org.name} (${event.org.id}) bị từ chối${event.status === 0 ? '' : ` (HTTP ${event.status})`}: ${event.message}`);
          for (const issue of event.issues.filter((i) => i.severity === 'error').slice(0, 20)) line(`      ${issue.message}`);
          return;
        case 'missing':
          line(`  – [${event.year}] ${event.org.name}: chưa nộp`);
          return;
        case 'rollup':
          line(`• Đã tổng hợp năm ${event.year}: ${formatInt(event.rollup.submission.submitted)}/${formatInt(event.rollup.submission.total)} tổ chức đã nộp.`);
      }
    },
    headline(rollup: BlocRollup, sentences: readonly string[], file: string) {
      line('');
      line(`${rollup.blocName} — kết quả đánh giá năm ${rollup.year}`);
      for (const sentence of sentences) line(`  ${sentence}`);
      line('');
      line(`Bảng tổng hợp: ${file}`);
    },
    summary(accepted: number, rejected: number) {
      line(rejected === 0 ? `Tất cả ${formatInt(accepted)} bảng đã được ghi nhận.` : `${formatInt(accepted)} bảng được ghi nhận, ${formatInt(rejected)} bảng bị từ chối (xem lỗi ở trên).`);
    },
    serving(baseUrl: string, adminToken: string) {
      line('');
      line(`Đang chạy (Ctrl-C để dừng). Địa chỉ máy chủ cho tiện ích: ${baseUrl}`);
      line(`Thử: curl -s -X POST ${baseUrl}/status -H 'content-type: application/json' -H 'authorization: Bearer ${adminToken}' -d '{}'`);
    },
  };
}
