import { createHash } from 'node:crypto';
import { applyBlocConfig, type StoredYear } from '../bloc-config/apply.js';
import type { BlocConfig } from '../bloc-config/schema.js';
import type { Deps } from '../deps.js';
import { requireAdmin } from '../domain/access.js';
import { diffLines, isEmptyDiff, loadedYear, yearConfigDiff } from '../domain/config-diff.js';
import { adminConfigRequestSchema, MAX_CONFIG_ORGS, type AdminConfigAnswer, type AdminConfigChangeAnswer, type ConfigDiff } from '../domain/contract-admin.js';
import { adminProblems } from '../domain/problems-admin.js';
import { yearConfigSchemaFor, type YearConfig } from '../domain/year-config.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { logs } from '../logs.js';
import { orgsCol, yearRef, yearsCol } from '../store/paths.js';
import { z } from 'zod';
import { resolveReportSettings } from '../domain/report-settings.js';

/**
 * The admin console's configuration of one year: `load` answers the stored year as the sheet
 * shows it; `dry_run` answers what applying would change (thêm / đổi / bỏ tổ chức, đổi bí thư,
 * đổi hạn nộp) and a hash of it; `apply` applies — through the very code the YAML route runs
 * (bloc-config/apply.ts: one transaction, audited) — only if the changes are still the ones
 * that hash names. Bloc-level fields (admins, leaders, OAuth client ids) stay file-only.
 */
const orgCountSchema = z.object({ config: z.object({ orgs: z.array(z.unknown()) }) });

export async function adminConfig(deps: Deps, caller: Caller, body: unknown): Promise<AdminConfigAnswer> {
  requireAdmin(caller.email, caller.bloc);
  // Counted before any organisation is parsed: a pasted sheet of thousands is refused at once.
  const count = orgCountSchema.safeParse(body);
  if (count.success && count.data.config.orgs.length > MAX_CONFIG_ORGS) throw adminProblems.tooManyOrgs(count.data.config.orgs.length, MAX_CONFIG_ORGS);
  const request = parseBody(adminConfigRequestSchema, body);
  const { timeZone } = caller.bloc;
  if (request.mode === 'load') return load(deps, caller, request.year);

  const year = parseBody(z.object({ config: yearConfigSchemaFor(request.year, timeZone) }), { config: request.config }).config;
  // The report block is file-only like the other bloc fields: kept as stored (its defaults when none was).
  const config: BlocConfig = { id: deps.blocId, ...caller.bloc, report: caller.bloc.report ?? resolveReportSettings(undefined), years: { [String(request.year)]: year } };
  let diff: ConfigDiff | undefined;
  const inspect = (stored: ReadonlyMap<number, StoredYear>) => {
    const found = stored.get(request.year);
    diff = yearConfigDiff(found?.settings, found?.orgs ?? [], year, timeZone);
    if (request.mode === 'apply' && planHash(diff, year) !== request.planHash) throw adminProblems.configChanged();
  };
  const changes = await applyBlocConfig(deps.db, config, { by: caller.email, now: deps.now(), dryRun: request.mode === 'dry_run', inspect });
  if (diff === undefined) throw new Error('the configuration was applied without being inspected');
  const applied = request.mode === 'apply';
  if (applied) logs.configApplied({ year: request.year, by: caller.email, created: changes.created.length, updated: changes.updated.length });
  return {
    mode: request.mode,
    result: !applied ? 'dry_run' : isEmptyDiff(diff) && changes.created.length + changes.updated.length === 0 ? 'unchanged' : 'applied',
    year: request.year,
    planHash: planHash(diff, year),
    diff,
    lines: diffLines(diff),
  } satisfies AdminConfigChangeAnswer;
}

/** The diff and the exact wanted year: the same hash means the same writes. */
function planHash(diff: ConfigDiff, year: YearConfig): string {
  return createHash('sha256').update(JSON.stringify([diff, year])).digest('base64url').slice(0, 32);
}

async function load(deps: Deps, caller: Caller, year: number): Promise<AdminConfigAnswer> {
  const [settings, orgs] = await Promise.all([yearRef(deps.db, deps.blocId, year).get(), orgsCol(deps.db, deps.blocId, year).get()]);
  const bloc = { name: caller.bloc.name, timeZone: caller.bloc.timeZone };
  const stored = settings.data();
  if (stored) return { mode: 'load', year, bloc, exists: true, config: loadedYear(stored, orgs.docs.map((d) => d.data()), bloc.timeZone) };
  // A new year starts from the latest year's settings, with a deadline a year later and no organisations.
  const latest = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data()).sort((a, b) => b.year - a.year)[0];
  const base = latest
    ? { ...latest, deadline: new Date(Date.parse(latest.deadline) + (year - latest.year) * 365 * 86_400_000).toISOString(), evaluationDate: null, summarySpreadsheetId: null, mergedInto: {} }
    : { deadline: `${year + 1}-01-15T10:00:00.000Z`, rulePack: null, exemplaryScale: [], quotaMode: 'warning' as const, quotaPercent: 20, evaluationDate: null, summarySpreadsheetId: null, mergedInto: {} };
  return { mode: 'load', year, bloc, exists: false, config: loadedYear(base, [], bloc.timeZone) };
}
