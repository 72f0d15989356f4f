import { deadlineCountdown } from '../sidebar-model/countdown.js';
import { sidebarStateSchema, type SidebarIssue, type SidebarState } from '../sidebar-model/sidebar-state.js';

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
  selectCell(sheetName: string, row: number, columnIndex: number | null): void;
}
declare const google: { script: { run: Runner } };

type Action = 'sidebarRefresh' | 'sidebarCheck' | 'sidebarSubmit';
const PROGRESS: Record<Action, string> = {
  sidebarRefresh: 'Đang tải trạng thái từ máy chủ…',
  sidebarCheck: 'Đang kiểm tra dữ liệu…',
  sidebarSubmit: 'Đang gửi dữ liệu (có thể mất đến một phút)…',
};

let state: SidebarState | null = null;
let busy = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, children: Node[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
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
      el('dt', { text: 'Trạng thái' }), el('dd', {}, [el('span', { className: 'badge', text: t.stateLabel })]),
      el('dt', { text: 'Hạn nộp' }), el('dd', { text: t.deadlineText }, countdown ? [document.createElement('br'), el('span', { className: countdown.overdue ? 'overdue' : 'muted', text: countdown.text })] : []),
      el('dt', { text: 'Lần gửi cuối' }), el('dd', { text: t.lastSubmission ? `${t.lastSubmission.atText}, ${t.lastSubmission.by}` : 'Chưa gửi lần nào' }),
    ]);
    parts.push(list);
    if (t.lockMessage) parts.push(box('warning', 'Đang khóa nhận dữ liệu', t.lockMessage));
  } else {
    parts.push(el('h1', { text: 'Đánh giá đảng viên' }), box('info', 'Trang tính chưa gắn với tổ chức', `Trang tính “${s.sheetName}” chưa gắn với tổ chức nào. Hãy chọn “Tạo bảng đánh giá”, hoặc “Gửi dữ liệu” để chọn tổ chức cho trang tính này.`));
  }
  if (!s.serverConfigured) parts.push(box('warning', 'Chưa cài đặt máy chủ', 'Quản trị viên chưa cài đặt địa chỉ máy chủ: vẫn kiểm tra được dữ liệu nhưng chưa gửi được.'));
  const buttons = el('div', { className: 'buttons' });
  const button = (label: string, action: Action, primary = false) => {
    const b = el('button', { className: primary ? 'primary' : '', text: label });
    b.disabled = busy || (action === 'sidebarSubmit' && (!s.serverConfigured || t?.canSubmit === false));
    b.addEventListener('click', () => run(action));
    buttons.appendChild(b);
  };
  button('Kiểm tra dữ liệu', 'sidebarCheck');
  button('Gửi dữ liệu', 'sidebarSubmit', true);
  button('Làm mới', 'sidebarRefresh');
  parts.push(buttons);
  if (s.notice) parts.push(box(s.notice.kind, s.notice.title, s.notice.text));
  if (s.issues && s.issues.list.length > 0) {
    parts.push(el('div', { className: 'muted', text: `${s.issues.errors} lỗi, ${s.issues.warnings} cảnh báo — bấm vào một dòng để đến ô cần sửa:` }));
    parts.push(el('ul', {}, s.issues.list.map((issue) => issueItem(s.sheetName, issue))));
    if (s.issues.more > 0) parts.push(el('p', { className: 'muted', text: `… và ${s.issues.more} mục khác (xem ghi chú ở các ô được tô màu).` }));
  }
  app.replaceChildren(...parts);
}

function setProgress(text: string | null): void {
  const progress = document.getElementById('progress');
  const label = document.getElementById('progress-text');
  if (!progress || !label) return;
  progress.className = text === null ? '' : 'on';
  label.textContent = text ?? '';
}

function accept(value: unknown): void {
  const parsed = sidebarStateSchema.safeParse(value);
  if (parsed.success) state = parsed.data;
}

function run(action: Action): void {
  if (busy) return;
  busy = true;
  setProgress(PROGRESS[action]);
  render();
  const finish = () => {
    busy = false;
    setProgress(null);
    render();
  };
  google.script.run
    .withSuccessHandler((value) => {
      accept(value);
      finish();
    })
    .withFailureHandler((error) => {
      if (state) state = { ...state, notice: { kind: 'error', title: 'Có lỗi khi thực hiện', text: error.message } };
      finish();
    })[action]();
}

const initial = document.getElementById('initial-state');
try {
  accept(JSON.parse(initial?.textContent ?? 'null'));
} catch {
  state = null;
}
render();
setInterval(render, 60_000);
