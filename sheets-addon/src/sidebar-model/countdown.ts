/**
 * “Còn 3 ngày 4 giờ” / “Đã quá hạn 2 giờ”: the sidebar's deadline countdown, from an ISO
 * instant and the current time (both passed in, so it is the same in Node and the browser).
 */
import { formatInt } from '../../../functions/src/domain/format.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${formatInt(days)} ngày ${hours} giờ` : `${formatInt(days)} ngày`;
  if (hours > 0) return minutes > 0 ? `${hours} giờ ${minutes} phút` : `${hours} giờ`;
  return `${Math.max(minutes, 1)} phút`;
}

export function deadlineCountdown(deadlineIso: string, nowMs: number): { text: string; overdue: boolean } | null {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return null;
  const left = deadline - nowMs;
  return left >= 0 ? { text: `Còn ${span(left)}`, overdue: false } : { text: `Đã quá hạn ${span(-left)}`, overdue: true };
}
