/**
 * “Còn 3 ngày 4 giờ” / “Đã quá hạn 2 giờ”: the sidebar's deadline countdown, from an ISO
 * instant and the current time (both passed in, so it is the same in Node and the browser).
 */
import { COUNTDOWN } from '../texts/page.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? COUNTDOWN.daysHours(days, hours) : COUNTDOWN.days(days);
  if (hours > 0) return minutes > 0 ? COUNTDOWN.hoursMinutes(hours, minutes) : COUNTDOWN.hours(hours);
  return COUNTDOWN.minutes(Math.max(minutes, 1));
}

export function deadlineCountdown(deadlineIso: string, nowMs: number): { text: string; overdue: boolean } | null {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return null;
  const left = deadline - nowMs;
  return left >= 0 ? { text: COUNTDOWN.left(span(left)), overdue: false } : { text: COUNTDOWN.overdue(span(-left)), overdue: true };
}
