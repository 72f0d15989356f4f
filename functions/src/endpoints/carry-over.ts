import type { Deps } from '../deps.js';
import { authoriseSubmit } from '../domain/access.js';
import { carryOverSourceIds, mergeRosters, previousYear } from '../domain/carry-over.js';
import { carryOverRequestSchema, ROSTER_FIELDS, type CarryOverAnswer, type RosterMember } from '../domain/contract-roster.js';
import { parseBody } from '../domain/zod-messages.js';
import type { Caller } from '../http/authenticate.js';
import { membersCol, orgRef, yearsCol } from '../store/paths.js';
import type { MemberDoc } from '../store/records.js';
import { loadOrgContext } from './org-context.js';

/**
 * `carryOver`: the organisation's accepted list of the previous year, for the new year's
 * template. Only that organisation's secretaries (of the NEW year) and the bloc's admins get it,
 * and only its own list and those merged into it: nothing of any other organisation.
 */
export async function carryOver(deps: Deps, caller: Caller, body: unknown): Promise<CarryOverAnswer> {
  const request = parseBody(carryOverRequestSchema, body);
  const ctx = await loadOrgContext(deps.db, caller.bloc, deps.blocId, request.year, request.orgId);
  authoriseSubmit(caller.email, ctx.bloc, ctx.org, request.year);
  const years = (await yearsCol(deps.db, deps.blocId).get()).docs.map((d) => d.data().year);
  const fromYear = previousYear(years, request.year);
  const answer = { year: request.year, orgId: request.orgId, orgName: ctx.org.name, fromYear };
  if (fromYear === null) return { ...answer, sources: [], members: [] };

  const ids = carryOverSourceIds(request.orgId, await mergedInto());
  const sources = await Promise.all(
    ids.map(async (orgId) => {
      const [org, members] = await Promise.all([
        orgRef(deps.db, deps.blocId, fromYear, orgId).get(),
        membersCol(deps.db, deps.blocId, fromYear, orgId).orderBy('row').get(),
      ]);
      return { orgId, name: org.data()?.name ?? orgId, members: members.docs.map((d) => rosterOf(d.data())) };
    }),
  );
  const found = sources.filter((s) => s.members.length > 0 || s.orgId === request.orgId);
  return {
    ...answer,
    sources: found.map((s) => ({ orgId: s.orgId, name: s.name, members: s.members.length })),
    members: mergeRosters(found.map((s) => s.members)),
  };
}

function rosterOf(member: MemberDoc): RosterMember {
  return Object.fromEntries(ROSTER_FIELDS.map((f) => [f, member[f]])) as RosterMember;
}

/**
 * HOOK (issue 12): the admin console records “organisation X merged into Y” in the bloc
 * config store. Until that mapping exists on main, no organisation is merged and each one
 * carries over its own list only; once it does, read it here (old id → id it joined).
 */
function mergedInto(): Promise<ReadonlyMap<string, string>> {
  return Promise.resolve(new Map());
}
