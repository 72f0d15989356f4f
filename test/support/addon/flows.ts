import type { StackHandle } from '../functions/local-stack.js';
import { startAddonSession, type AddonSession } from './session.js';
import { sidebarJson, type SheetSnapshot } from './apps-script-fakes.js';
import { sidebarStateSchema, type SidebarState } from '../../../sheets-addon/src/sidebar-model/sidebar-state.js';
import type { ShownAlert } from './apps-script/ui.js';

/**
 * What a secretary does in the add-on, as reusable steps over the BUILT bundle talking to the
 * local functions: open the add-on, create the template, fill it, submit. The add-on e2e uses
 * them, and so can later end-to-end steps (e.g. rollup → summary workbook after secretaries
 * have submitted through the add-on: see secretariesSubmit).
 */
export const SERVER_URL_PROPERTY = 'SERVER_URL';

/** A session of the add-on for this account, with the server address the admin has set. */
export async function openAddon(h: StackHandle, email: string): Promise<AddonSession> {
  const session = startAddonSession({ user: email, identityToken: await h.stack.token(email) });
  await session.setScriptProperty(SERVER_URL_PROPERTY, h.stack.baseUrl);
  return session;
}

export interface Created {
  readonly sheet: string;
  /** What sidebarCreate answered: the page renders it. */
  readonly state: SidebarState;
  /** The create view the menu item opened (its dropdowns). */
  readonly view: SidebarState;
}

/**
 * “Tạo bảng đánh giá” from the menu: the sidebar opens in its create view, the secretary picks
 * the year (the open one unless given) and the organisation at `orgNumber` in the dropdown (the
 * first unless given), and clicks the button: sidebarCreate with the dropdowns' values.
 */
export async function createThroughAddon(session: AddonSession, choice: { year?: number; orgNumber?: number } = {}): Promise<Created> {
  await session.run('menuCreateSheet');
  const view = sidebarStateSchema.parse(sidebarJson((await session.uiLog()).sidebars.at(-1)?.html ?? ''));
  const org = view.choices?.orgs[(choice.orgNumber ?? 1) - 1];
  if (!view.choices || !org) throw new Error(`no organisation ${choice.orgNumber ?? 1} in the create view: ${JSON.stringify(view)}`);
  const before = await session.sheetNames();
  const state = sidebarStateSchema.parse(await session.run('sidebarCreate', choice.year ?? view.choices.year, org.orgId));
  const sheet = (await session.sheetNames()).find((name) => !before.includes(name));
  if (!sheet) throw new Error(`no sheet created: ${JSON.stringify(state.notice)}`);
  return { sheet, state, view };
}

export async function createSheetThroughAddon(session: AddonSession, choice: { year?: number; orgNumber?: number } = {}): Promise<string> {
  return (await createThroughAddon(session, choice)).sheet;
}

export interface Submitted {
  readonly alert: ShownAlert;
  readonly snapshot: SheetSnapshot;
}

/** Types the grid (header row first) into the sheet and clicks “Gửi dữ liệu”. */
export async function submitThroughAddon(session: AddonSession, sheetName: string, values: unknown[][] | null): Promise<Submitted> {
  if (values) await session.edit(sheetName, 'A1', values);
  await session.activate(sheetName);
  const shown = (await session.uiLog()).alerts.length;
  await session.run('menuSubmit');
  const alert = (await session.uiLog()).alerts[shown];
  const snapshot = await session.snapshot(sheetName);
  if (!alert || !snapshot) throw new Error('menuSubmit showed no result');
  return { alert, snapshot };
}

/** Several secretaries, each creating their template and submitting their grid through the add-on. */
export async function secretariesSubmit(
  h: StackHandle,
  plans: readonly { readonly email: string; readonly year?: number; /** Position in the create view's organisation dropdown. */ readonly orgNumber?: number; readonly values: unknown[][] }[],
): Promise<Submitted[]> {
  const results: Submitted[] = [];
  for (const plan of plans) {
    const session = await openAddon(h, plan.email);
    try {
      const sheet = await createSheetThroughAddon(session, { ...(plan.year === undefined ? {} : { year: plan.year }), ...(plan.orgNumber === undefined ? {} : { orgNumber: plan.orgNumber }) });
      results.push(await submitThroughAddon(session, sheet, plan.values));
    } finally {
      await session.close();
    }
  }
  return results;
}
