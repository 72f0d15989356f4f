import type { AdminRemindAnswer } from '../domain.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { claimReminders } from './backend.js';
import { consoleYear } from './audit.js';
import { alert, failed } from './console-sheet.js';
import { CANCELLED_TITLE, REMIND_TEXTS as T } from './labels.js';
import { reminderText } from '../texts/reminder.js';

/**
 * “Nhắc nộp”: the server claims today's reminders (one per organisation per day, recorded in
 * the audit trail), then the add-on sends each from the admin's own account with MailApp —
 * the one scope this needs (script.send_mail). A second click the same day sends nothing.
 */
export function reminderMail(blocName: string, year: number, r: AdminRemindAnswer['reminders'][number]): { to: string; subject: string; body: string } {
  return { to: r.to.join(','), ...reminderText(blocName, year, r) };
}

export function remind(): Notice {
  const ui = SpreadsheetApp.getUi();
  const year = consoleYear(T.askYear);
  if (year === null) return { kind: 'info', title: CANCELLED_TITLE, text: T.notSent };
  const confirm = ui.alert(T.title, T.confirm(year), ui.ButtonSet.YES_NO);
  if (confirm !== ui.Button.YES) return { kind: 'info', title: CANCELLED_TITLE, text: T.notSent };
  const reply = claimReminders(year);
  if (!reply.ok) return failed(reply);
  const { blocName } = reply.data;
  const sent: string[] = [];
  const failedMails: string[] = [];
  for (const r of reply.data.reminders) {
    try {
      MailApp.sendEmail(reminderMail(blocName, year, r));
      sent.push(`${r.name} (${r.to.join(', ')})`);
    } catch (error) {
      failedMails.push(`${r.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const parts = [
    sent.length > 0 ? T.sent(sent.length, sent) : T.noneSent,
    reply.data.alreadyToday.length > 0 ? T.alreadyToday(reply.data.alreadyToday) : '',
    reply.data.noAddress.length > 0 ? T.noAddress(reply.data.noAddress.map((a) => a.name)) : '',
    failedMails.length > 0 ? T.failed(failedMails) : '',
  ].filter((p) => p !== '');
  return { kind: failedMails.length > 0 ? 'warning' : 'success', title: T.title, text: parts.join('\n\n') };
}

export const menuAdminRemind = (): void => { alert(remind()); };
