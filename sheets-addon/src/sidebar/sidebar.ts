import { deadlineCountdown } from '../sidebar-model/countdown.js';
import { sidebarStateSchema, type NextStep, type SidebarChoices, type SidebarIssue, type SidebarState } from '../sidebar-model/sidebar-state.js';

/**
 * The sidebar page: renders the state the server printed into it, runs the check / send /
 * refresh through google.script.run with a progress line, and jumps to an issue's cell on
 * click. Text from the sheet is only ever set as textContent.
 */
interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  sidebarRefresh(): void;
  sidebarCheck(): void;
  sidebarSubmit(): void;
  sidebarCreate(year: number, orgId: string): void;
  selectCell(sheetName: string, row: number, columnIndex: number | null): void;
}
declare const google: { script: { run: Runner } };

type Action = 'sidebarRefresh' | 'sidebarCheck' | 'sidebarSubmit' | 'sidebarCreate';
const PROGRESS: Record<Action, string> = {
  sidebarRefresh: 'Đang tải trạng thái…',
  sidebarCheck: 'Đang kiểm tra…',
  sidebarSubmit: 'Đang gửi…',
  sidebarCreate: 'Đang tạo bảng…',
};
const STEP_ACTION: Record<NextStep, Action> = { create: 'sidebarCreate', check: 'sidebarCheck', submit: 'sidebarSubmit' };

let state: SidebarState | null = null;
let busy: { action: Action; since: number } | null = null;
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
  link.title = `Đến dòng ${row}`;
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
  item.title = 'Bấm để đến ô này';
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
  item.append(document.createTextNode('Dòng '), rows);
  if (issue.moreText !== null) {
    const more = el('a', { className: 'more-rows', text: issue.moreText });
    more.href = '#';
    more.title = 'Hiện tất cả các dòng';
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

/** “Đang gửi… 12 giây”: the sidebar never looks frozen on a slow link. */
function progressText(): string {
  if (!busy) return '';
  const seconds = Math.floor((Date.now() - busy.since) / 1000);
  return seconds >= 2 ? `${PROGRESS[busy.action]} ${seconds} giây` : PROGRESS[busy.action];
}

function select(options: { value: string; label: string }[], value: string, onChange: (value: string) => void): HTMLSelectElement {
  const node = el('select');
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
  chosen ??= first ? { year: choices.year, orgId: first.orgId } : null;
  if (!chosen) return box('warning', 'Chưa được phân công tổ chức', 'Tài khoản này chưa là bí thư của tổ chức nào. Hãy liên hệ Đảng ủy Khối.');
  const current = chosen;
  return el('div', { className: 'chooser' }, [
    el('label', { text: 'Tổ chức' }),
    select(choices.orgs.map((o) => ({ value: o.orgId, label: `${o.name} (${o.stateLabel})` })), current.orgId, (orgId) => { chosen = { ...current, orgId }; }),
    el('label', { text: 'Năm đánh giá' }),
    select(choices.years.map((y) => ({ value: String(y), label: String(y) })), String(current.year), (year) => { chosen = { ...current, year: Number(year) }; }),
  ]);
}

function render(): void {
  const app = document.getElementById('app');
  if (!app || !state) return;
  const s = state;
  const parts: Node[] = [];
  const t = s.target;
  if (t) {
    parts.push(el('h1', { text: t.orgName }), el('div', { className: 'muted', text: `${t.blocName} · Năm ${t.year}` }));
    const countdown = deadlineCountdown(t.deadline, Date.now());
    const list = el('dl', {}, [
      el('dt', { text: 'Trạng thái' }), el('dd', {}, [el('span', { className: `badge ${t.badge.tone}`, text: t.badge.label })]),
      el('dt', { text: 'Hạn nộp' }), el('dd', { text: t.deadlineText }, countdown ? [document.createElement('br'), el('span', { className: countdown.overdue ? 'overdue' : 'muted', text: countdown.text })] : []),
      el('dt', { text: 'Lần gửi cuối' }), el('dd', { text: t.lastSubmission ? `${t.lastSubmission.atText}, ${t.lastSubmission.by}` : 'Chưa gửi lần nào' }),
      ...(t.lastSubmission ? [el('dt', { text: 'Mã biên nhận' }), el('dd', {}, [el('code', { text: t.lastSubmission.receiptCode })])] : []),
    ]);
    parts.push(list);
    if (t.lockMessage) parts.push(box('warning', 'Đang khóa nhận dữ liệu', t.lockMessage));
  } else {
    parts.push(el('h1', { text: 'Đánh giá đảng viên' }), box('info', 'Trang tính chưa gắn với tổ chức', `Trang tính “${s.sheetName}” chưa gắn với tổ chức nào. Hãy chọn tổ chức và năm rồi bấm “Tạo bảng đánh giá”.`));
    if (s.choices) parts.push(chooser(s.choices));
  }
  if (!s.serverConfigured) parts.push(box('warning', 'Chưa cài đặt máy chủ', 'Tiện ích chưa được cài địa chỉ máy chủ: vẫn kiểm tra được dữ liệu nhưng chưa gửi được. Hãy báo Đảng ủy Khối.'));
  const buttons = el('div', { className: 'buttons' });
  const primary = STEP_ACTION[s.nextStep];
  const button = (label: string, action: Action) => {
    const b = el('button', { className: action === primary ? 'primary' : '', text: label });
    b.disabled = busy !== null || (action === 'sidebarSubmit' && (!s.serverConfigured || t?.canSubmit === false)) || (action === 'sidebarCreate' && (!s.serverConfigured || !chosen));
    b.addEventListener('click', () => { run(action); });
    buttons.appendChild(b);
  };
  if (!t) button('Tạo bảng đánh giá', 'sidebarCreate');
  button('Kiểm tra dữ liệu', 'sidebarCheck');
  if (t) button('Gửi dữ liệu', 'sidebarSubmit');
  button('Làm mới', 'sidebarRefresh');
  // Beside the buttons, above any long list, and kept on screen when the list scrolls: what is running and for how long.
  const progress = el('div', { className: busy ? 'progress on' : 'progress', attrs: { id: 'progress', role: 'status' } }, [el('span', { text: progressText(), attrs: { id: 'progress-text' } }), el('div', { className: 'bar' })]);
  parts.push(el('div', { className: 'actions' }, [buttons, progress]));
  if (s.notice) parts.push(box(s.notice.kind, s.notice.title, s.notice.text));
  if (s.issues && s.issues.list.length > 0) {
    parts.push(el('div', { className: 'muted', text: `${s.issues.errors} lỗi, ${s.issues.warnings} cảnh báo — bấm vào số dòng để đến ô cần sửa:` }));
    parts.push(el('ul', {}, s.issues.list.map((issue) => issueItem(s.sheetName, issue))));
    if (s.issues.more > 0) parts.push(el('p', { className: 'muted', text: `… và ${s.issues.more} mục khác (xem ghi chú ở các ô được tô màu).` }));
  }
  if (s.support !== null) parts.push(el('p', { className: 'support', text: `Cần hỗ trợ: ${s.support}` }));
  app.replaceChildren(...parts);
}

function tick(): void {
  const label = document.getElementById('progress-text');
  if (label) label.textContent = progressText();
}

function accept(value: unknown): void {
  const parsed = sidebarStateSchema.safeParse(value);
  if (parsed.success) state = parsed.data;
}

function run(action: Action): void {
  if (busy) return;
  busy = { action, since: Date.now() };
  render();
  const finish = () => {
    busy = null;
    render();
  };
  const runner = google.script.run
    .withSuccessHandler((value) => {
      accept(value);
      finish();
    })
    .withFailureHandler((error) => {
      if (state) state = { ...state, notice: { kind: 'error', title: 'Có lỗi khi thực hiện', text: error.message } };
      finish();
    });
  if (action === 'sidebarCreate') {
    if (chosen) runner.sidebarCreate(chosen.year, chosen.orgId);
    return;
  }
  runner[action]();
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
