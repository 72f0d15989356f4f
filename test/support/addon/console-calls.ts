import { serviceCallCounts } from './apps-script-fakes.js';
import type { AddonSession } from './session.js';
import type { ShownAlert } from './apps-script/ui.js';

/** Service calls per console action (the add-on's call counting), for the README and the report. */
export type ConsoleCalls = Record<string, { spreadsheet: number; urlFetch: number; mail: number }>;

/** Records, under `name`, the service calls one console action of `session()` made. */
export function consoleCallRecorder(session: () => AddonSession): { calls: ConsoleCalls; measured: (name: string, action: () => Promise<unknown>) => Promise<void> } {
  const calls: ConsoleCalls = {};
  const measured = async (name: string, action: () => Promise<unknown>): Promise<void> => {
    await session().resetCalls();
    await action();
    const counts = await serviceCallCounts(session());
    calls[name] = { spreadsheet: counts.spreadsheet, urlFetch: counts.urlFetch, mail: counts.byMethod['MailApp.sendEmail'] ?? 0 };
  };
  return { calls, measured };
}

/** Answers “Có” to the action's question and returns the alerts it showed: the question, then the result. */
export async function confirmedAlerts(session: AddonSession, action: () => Promise<unknown>): Promise<ShownAlert[]> {
  await session.scriptAlerts('YES');
  const shown = (await session.uiLog()).alerts.length;
  await action();
  return (await session.uiLog()).alerts.slice(shown);
}
