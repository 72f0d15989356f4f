import { deadlineCountdown } from '../sidebar-model/countdown.js';
import { progressSchema, sidebarStateSchema, type NextStep, type Progress, type SidebarChoices, type SidebarIssue, type SidebarState } from '../sidebar-model/sidebar-state.js';
import { BUSY, BUTTONS, CREATE_VIEW, elapsed, ISSUE_LIST, PAGE, progressLine } from '../texts/page.js';

/**
 * The sidebar page: renders the state the server printed into it, runs the check / send /
 * refresh through google.script.run with a progress line, and jumps to an issue's cell on
 * click. Text from the sheet is only ever set as textContent.
 */
interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  sidebarRefresh(): void;
  sidebarCheck(runId: string): void;
  sidebarSubmit(runId: string): void;
  sidebarProgress(runId: string): void;
  sidebarCreate(year: number, orgId: string): void;
  sidebarLink(year: number, orgId: string): void;
  selectCell(sheetName: string, row: number, columnIndex: number | null): void;
}
declare const google: { script: { run: Runner } };

type Action = 'sidebarRefresh' | 'sidebarCheck' | 'sidebarSubmit' | 'sidebarCreate' | 'sidebarLink';
const STEP_ACTION: Record<NextStep, Action> = { create: 'sidebarCreate', check: 'sidebarCheck', submit: 'sidebarSubmit' };
/** A server call cannot stream: while a check or send runs, the page asks how far it is (Apps Script runs the calls side by side). */
const POLL_MS = 1_500;
/** About what a 300 px sidebar's dropdown shows of a name. */
const FULL_NAME_AFTER = 34;

let state: SidebarState | null = null;
let busy: { action: Action; since: number; runId: string; progress: Progress | null } | null = null;
let chosen: { year: number; orgId: string } | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; attrs?: Record<string, string> } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.text !== undefined) node.textContent = props.text;
  children.forEach((child) => node.appendChild(child));
  return node;
}

function box(kind: string, title: string, text: string): HTMLElement {
  return el('div', { className: `box ${kind}` }, [el('b', { text: title }), document.createTextNode(text)]);
}

const ROWS_SHOWN = 3;

function rowLink(sheetName: string, row: number, columnIndex: number | null): HTMLElement {
  const link = el('a', { className: 'row-link', text: String(row) });
  link.href = '#';
  link.title = ISSUE_LIST.toRow(row);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    google.script.run.selectCell(sheetName, row, columnIndex);
  });
  return link;
}

/** “Dòng 3, 7, 9 và 37 dòng khác, cột “Xếp loại”: …”; every row number is a link, “37 dòng khác” opens the rest. */
function issueItem(sheetName: string, issue: SidebarIssue): HTMLElement {
  const item = el('li', { className: `issue ${issue.severity}` });
  const first = issue.rows[0];
  item.title = ISSUE_LIST.clickIssue;
  item.addEventListener('click', () => {
    if (first !== undefined) google.script.run.selectCell(sheetName, first, issue.columnIndex);
  });
  if (issue.column === null) {
    item.textContent = issue.text;
    return item;
  }
  const rows = el('span');
  const showRows = (count: number) => {
    const links: Node[] = [];
    issue.rows.slice(0, count).forEach((row, i) => {
      if (i > 0) links.push(document.createTextNode(', '));
      links.push(rowLink(sheetName, row, issue.columnIndex));
    });
    rows.replaceChildren(...links);
  };
  showRows(ROWS_SHOWN);
  item.append(document.createTextNode(ISSUE_LIST.rowsPrefix), rows);
  if (issue.moreText !== null) {
    const more = el('a', { className: 'more-rows', text: issue.moreText });
    more.href = '#';
    more.title = ISSUE_LIST.showAllRows;
    more.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      showRows(issue.rows.length);
      more.remove();
    });
    item.append(document.createTextNode(' '), more);
  }
  item.append(document.createTextNode(`, ${issue.column}: ${issue.text}`));
  return item;
}

/** “Đang kiểm tra… 1.200/4.000 dòng · 12 giây”: the sidebar never looks frozen on a slow link. */
function progressText(): string {
  if (!busy) return '';
  const base = busy.progress ? progressLine(busy.progress) : BUSY[busy.action];
  const seconds = Math.floor((Date.now() - busy.since) / 1000);
  return seconds >= 2 ? `${base} · ${elapsed(seconds)}` : base;
}

/** The share of rows checked, or null while the phase has no row count to show. */
function progressShare(): number | null {
  const p = busy?.progress;
  return p && p.phase === 'check' && p.total > 0 ? Math.min(1, p.done / p.total) : null;
}

function select(id: string, options: { value: string; label: string }[], value: string, onChange: (value: string) => void): HTMLSelectElement {
  const node = el('select', { attrs: { id } });
  for (const o of options) {
    const option = el('option', { text: o.label });
    option.value = o.value;
    option.selected = o.value === value;
    node.appendChild(option);
  }
  node.disabled = busy !== null;
  node.addEventListener('change', () => onChange(node.value));
  return node;
}

function chooser(choices: SidebarChoices): HTMLElement {
  const first = choices.orgs[0];
  if (!chosen || !choices.orgs.some((o) => o.orgId === chosen?.orgId)) chosen = first ? { year: choices.year, orgId: first.orgId } : null;
  if (!chosen) return box('warning', PAGE.noOrgTitle, PAGE.noOrgText);
  const current = chosen;
  // Each dropdown changes its half of the choice and keeps what the other last set.
  const labelOf = (orgId: string): string => {
    const org = choices.orgs.find((o) => o.orgId === orgId);
    return org ? `${org.name} (${org.stateLabel})` : '';
  };
  // A long name is cut at the dropdown's edge (and its state with it): it is written out below.
  const full = el('div', { className: 'muted full-name', attrs: { id: 'chosen-org' } });
  const showFull = (orgId: string) => { full.textContent = labelOf(orgId).length > FULL_NAME_AFTER ? labelOf(orgId) : ''; };
  showFull(current.orgId);
  return el('div', { className: 'chooser' }, [
    el('label', { text: PAGE.org, attrs: { for: 'choose-org' } }),
    select('choose-org', choices.orgs.map((o) => ({ value: o.orgId, label: labelOf(o.orgId) })), current.orgId, (orgId) => { chosen = { ...(chosen ?? current), orgId }; showFull(orgId); }),
    full,
    el('label', { text: PAGE.year, attrs: { for: 'choose-year' } }),
    select('choose-year', choices.years.map((y) => ({ value: String(y), label: String(y) })), String(current.year), (year) => { chosen = { ...(chosen ?? current), year: Number(year) }; }),
  ]);
}

function targetPanel(t: NonNullable<SidebarState['target']>): Node[] {
  const countdown = deadlineCountdown(t.deadline, Date.now());
  const parts: Node[] = [el('h1', { text: t.orgName }), el('div', { className: 'muted', text: PAGE.yearLine(t.blocName, t.year) })];
  parts.push(
    el('dl', {}, [
      el('dt', { text: PAGE.state }), el('dd', {}, [el('span', { className: `badge ${t.badge.tone}`, text: t.badge.label })]),
      el('dt', { text: PAGE.deadline }), el('dd', { text: t.deadlineText }, countdown ? [document.createElement('br'), el('span', { className: countdown.overdue ? 'overdue' : 'muted', text: countdown.text })] : []),
      el('dt', { text: PAGE.lastSubmission }), el('dd', { text: t.lastSubmission ? `${t.lastSubmission.atText}, ${t.lastSubmission.by}` : PAGE.neverSubmitted }),
      ...(t.lastSubmission ? [el('dt', { text: PAGE.receiptCode }), el('dd', {}, [el('code', { text: t.lastSubmission.receiptCode })])] : []),
    ]),
  );
  if (t.lockMessage) parts.push(box('warning', PAGE.lockedTitle, t.lockMessage));
  return parts;
}

/** “Tạo bảng đánh giá”: the organisations this account may submit for and the open years, as dropdowns. */
function createPanel(s: SidebarState): Node[] {
  const parts: Node[] = [el('h1', { text: s.target ? CREATE_VIEW.title : PAGE.heading })];
  if (s.target) parts.push(el('div', { className: 'muted', text: CREATE_VIEW.text }));
  else parts.push(box('info', PAGE.unlinkedTitle, PAGE.unlinkedText(s.sheetName)));
  parts.push(s.choices ? chooser(s.choices) : box('warning', PAGE.noChoicesTitle, PAGE.noChoicesText));
  return parts;
}

function render(): void {
  const app = document.getElementById('app');
  if (!app || !state) return;
  const s = state;
  const t = s.target;
  // The create view: no sheet linked yet, or the menu's “Tạo bảng đánh giá” asked for the dropdowns.
  const creating = !t || s.choices !== null;
  const parts: Node[] = creating ? createPanel(s) : targetPanel(t);
  if (!s.serverConfigured) parts.push(box('warning', PAGE.noServerTitle, PAGE.noServerText));
  const buttons = el('div', { className: 'buttons' });
  const primary = creating ? 'sidebarCreate' : STEP_ACTION[s.nextStep];
  const button = (label: string, onClick: () => void, action: Action | null, disabled = false) => {
    const b = el('button', { className: action !== null && action === primary ? 'primary' : '', text: label });
    b.disabled = busy !== null || disabled;
    b.addEventListener('click', onClick);
    buttons.appendChild(b);
  };
  if (creating) {
    button(BUTTONS.create, () => { run('sidebarCreate'); }, 'sidebarCreate', !s.serverConfigured || !chosen);
    if (t) button(BUTTONS.back, () => { state = { ...s, choices: null, notice: null, nextStep: 'check' }; render(); }, null);
    else {
      button(BUTTONS.link, () => { run('sidebarLink'); }, 'sidebarLink', !s.serverConfigured || !chosen);
      button(BUTTONS.check, () => { run('sidebarCheck'); }, 'sidebarCheck');
    }
  } else {
    button(BUTTONS.check, () => { run('sidebarCheck'); }, 'sidebarCheck');
    button(BUTTONS.submit, () => { run('sidebarSubmit'); }, 'sidebarSubmit', !s.serverConfigured || t.canSubmit === false);
  }
  button(BUTTONS.refresh, () => { run('sidebarRefresh'); }, 'sidebarRefresh');
  // Beside the buttons, above any long list, and kept on screen when the list scrolls: what is running, how far, for how long.
  const progress = el('div', { className: busy ? 'progress on' : 'progress', attrs: { id: 'progress', role: 'status' } }, [
    el('span', { text: progressText(), attrs: { id: 'progress-text' } }),
    el('div', { className: 'bar', attrs: { id: 'progress-bar' } }, [el('span', { className: 'fill' })]),
  ]);
  parts.push(el('div', { className: 'actions' }, [buttons, progress]));
  if (s.notice) parts.push(box(s.notice.kind, s.notice.title, s.notice.text));
  if (s.issues && s.issues.list.length > 0) {
    parts.push(el('div', { className: 'muted', text: ISSUE_LIST.summary(s.issues.errors, s.issues.warnings) }));
    parts.push(el('ul', {}, s.issues.list.map((issue) => issueItem(s.sheetName, issue))));
    if (s.issues.more > 0) parts.push(el('p', { className: 'muted', text: ISSUE_LIST.more(s.issues.more) }));
  }
  if (s.support !== null) parts.push(el('p', { className: 'support', text: PAGE.support(s.support) }));
  app.replaceChildren(...parts);
  tick();
}

function tick(): void {
  const label = document.getElementById('progress-text');
  if (label) label.textContent = progressText();
  const bar = document.getElementById('progress-bar');
  const fill = bar?.firstElementChild;
  const share = progressShare();
  if (bar) bar.className = share === null ? 'bar' : 'bar determinate';
  if (fill instanceof HTMLElement) fill.style.width = share === null ? '' : `${Math.round(share * 100)}%`;
}

function accept(value: unknown): void {
  const parsed = sidebarStateSchema.safeParse(value);
  if (parsed.success) state = parsed.data;
}

function newRunId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function poll(runId: string): void {
  google.script.run
    .withSuccessHandler((value) => {
      if (!busy || busy.runId !== runId) return;
      const parsed = progressSchema.safeParse(value);
      if (parsed.success) {
        busy.progress = parsed.data;
        tick();
      }
    })
    .withFailureHandler(() => undefined)
    .sidebarProgress(runId);
}

function run(action: Action): void {
  if (busy) return;
  const runId = newRunId();
  busy = { action, since: Date.now(), runId, progress: null };
  render();
  const polling = action === 'sidebarCheck' || action === 'sidebarSubmit' ? setInterval(() => { poll(runId); }, POLL_MS) : null;
  const finish = () => {
    if (polling !== null) clearInterval(polling);
    busy = null;
    render();
  };
  const runner = google.script.run
    .withSuccessHandler((value) => {
      accept(value);
      finish();
    })
    .withFailureHandler((error) => {
      if (state) state = { ...state, notice: { kind: 'error', title: PAGE.failedTitle, text: error.message } };
      finish();
    });
  if (action === 'sidebarCreate' || action === 'sidebarLink') {
    if (chosen) runner[action](chosen.year, chosen.orgId);
    else finish();
    return;
  }
  if (action === 'sidebarRefresh') runner.sidebarRefresh();
  else runner[action](runId);
}

const initial = document.getElementById('initial-state');
try {
  accept(JSON.parse(initial?.textContent ?? 'null'));
} catch {
  state = null;
}
render();
setInterval(tick, 1_000);
setInterval(() => { if (!busy) render(); }, 60_000);
