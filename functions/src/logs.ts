/**
 * Every log line is a named function: English, structured (Cloud Logging reads JSON lines),
 * carrying ids and counts — never a member's row or a request body.
 */
type Fields = Readonly<Record<string, string | number | boolean | null | undefined>>;

let sink: (line: string) => void = (line) => process.stdout.write(`${line}\n`);
let errorSink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Tests and the local runner may silence or capture logs. */
export function setLogSink(out: (line: string) => void, err: (line: string) => void = out): void {
  sink = out;
  errorSink = err;
}

function write(severity: 'INFO' | 'WARNING' | 'ERROR', message: string, fields: Fields): void {
  const line = JSON.stringify({ severity, message, ...fields });
  (severity === 'ERROR' ? errorSink : sink)(line);
}

export const logs = {
  requestRefused: (f: { fn: string; status: number; code: string; caller?: string | undefined }) => { write('WARNING', 'request refused', f); },
  databaseBusy: (f: { fn: string; error: string }) => { write('WARNING', 'database busy or unreachable: answered 503', f); },
  unexpectedError: (f: { fn: string; reference: string; error: string; stack?: string | undefined }) => { write('ERROR', 'unexpected error', f); },
  submissionValidated: (f: { orgId: string; year: number; listed: number; errors: number; warnings: number; ms: number }) => { write('INFO', 'submission validated', f); },
  submissionWritten: (f: { orgId: string; year: number; submissionId: string; result: string; imported: number; updated: number; unchanged: number; removed: number; ms: number }) => { write('INFO', 'submission written', f); },
  submissionReplayed: (f: { orgId: string; year: number; submissionId: string }) => { write('INFO', 'submission id replayed', f); },
  localKeysIgnored: (f: { variable: string }) => { write('WARNING', 'local ID-token keys ignored: they are trusted only against the Firestore emulator (FIRESTORE_EMULATOR_HOST unset)', f); },
  orgAction: (f: { orgId: string; year: number; action: string; by: string }) => { write('INFO', 'organisation action', f); },
  configApplied: (f: { year: number; by: string; created: number; updated: number }) => { write('INFO', 'configuration applied from the admin console', f); },
  remindersClaimed: (f: { year: number; by: string; day: string; orgs: number; alreadyToday: number }) => { write('INFO', 'reminders claimed', f); },
  rollupSkipped: (f: { blocId: string; year: number; reason: string }) => { write('INFO', 'rollup skipped', f); },
  rollupWritten: (f: { blocId: string; year: number; orgs: number; reads: number; ms: number }) => { write('INFO', 'rollup written', f); },
  sheetNotShared: (f: { spreadsheetId: string; serviceAccount: string }) => { write('ERROR', 'summary spreadsheet is not shared with the service account (grant it Editor access)', f); },
  sheetsRetry: (f: { attempt: number; status: number | string; delayMs: number }) => { write('WARNING', 'Sheets API retry', f); },
  sheetsWritten: (f: { spreadsheetId: string; tabs: number; charts: number; requests: number; attempts: number; ms: number }) => { write('INFO', 'summary spreadsheet written', f); },
};
