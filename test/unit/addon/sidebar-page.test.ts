import { describe, expect, it } from 'vitest';
import { RUN_ID_PATTERN, type SidebarState } from '../../../sheets-addon/src/sidebar-model/sidebar-state.js';
import { SidebarPage } from '../../support/addon/sidebar-page.js';

/** The built sidebar page (its own script, in a small DOM): what the secretary reads and clicks. */
const TARGET: NonNullable<SidebarState['target']> = {
  year: 2025,
  orgId: 'cb-a',
  orgName: 'Chi bộ Công ty A',
  blocName: 'Đảng bộ Khối Thử nghiệm',
  stateLabel: 'Chưa nộp',
  badge: { label: 'Chưa nộp', tone: 'not_submitted' },
  deadline: '2099-01-15T10:00:00.000Z',
  deadlineText: '17:00 ngày 15/01/2099',
  canSubmit: true,
  lockMessage: null,
  lastSubmission: null,
};
const BOUND: SidebarState = { sheetName: 'Đánh giá 2025', serverConfigured: true, nextStep: 'submit', support: null, choices: null, target: TARGET, notice: null, issues: null };
const CHOICES: NonNullable<SidebarState['choices']> = {
  year: 2025,
  years: [2025, 2024],
  orgs: [
    { orgId: 'cb-a', name: 'Chi bộ Công ty A', stateLabel: 'Đã nộp' },
    { orgId: 'cb-c', name: 'Chi bộ Công ty C', stateLabel: 'Chưa nộp' },
  ],
};
const progressText = (page: SidebarPage) => page.byId('progress-text')?.textContent;
const polls = (page: SidebarPage) => page.calls.filter((c) => c.name === 'sidebarProgress');

describe('the sidebar page while a check or a send runs', () => {
  it('Kiểm tra dữ liệu: the rows checked so far beside the buttons, from the poll; the poll stops with the run', () => {
    const page = new SidebarPage(BOUND);
    expect(page.byId('progress')?.className).toBe('progress');
    page.click('Kiểm tra dữ liệu');
    const check = page.pending('sidebarCheck');
    const runId = String(check.args[0]);
    expect(runId).toMatch(RUN_ID_PATTERN);
    expect([progressText(page), page.byId('progress')?.className]).toEqual(['Đang kiểm tra…', 'progress on']);
    expect(page.buttons().map((b) => b.disabled)).toEqual([true, true, true]);

    page.advance(1_500);
    expect(polls(page).map((c) => c.args)).toEqual([[runId]]);
    page.pending('sidebarProgress').succeed({ phase: 'check', done: 1200, total: 4000 });
    expect(progressText(page)).toBe('Đang kiểm tra… 1.200/4.000 dòng');
    expect([page.byId('progress-bar')?.className, page.byId('progress-bar')?.firstElementChild?.style.width]).toEqual(['bar determinate', '30%']);

    page.advance(1_500);
    page.pending('sidebarProgress').succeed({ phase: 'write', done: 4000, total: 4000 });
    expect(progressText(page)).toBe('Đang ghi kết quả vào bảng… 4.000 dòng · 3 giây');
    expect(page.byId('progress-bar')?.className).toBe('bar');

    check.succeed({ ...BOUND, notice: { kind: 'success', title: 'Không có lỗi', text: 'Đã kiểm tra 4.000 đảng viên: không có lỗi nào. Có thể chọn “Gửi dữ liệu”.' } });
    expect([progressText(page), page.byId('progress')?.className]).toEqual(['', 'progress']);
    expect(page.text()).toContain('Không có lỗiĐã kiểm tra 4.000 đảng viên');
    const asked = polls(page).length;
    page.advance(6_000);
    expect(polls(page)).toHaveLength(asked);
  });

  it('Gửi dữ liệu: “Đang gửi… 4.000 dòng”; a late answer to an earlier run’s poll changes nothing', () => {
    const page = new SidebarPage(BOUND);
    page.click('Kiểm tra dữ liệu');
    page.advance(1_500);
    const stale = page.pending('sidebarProgress');
    page.pending('sidebarCheck').succeed(BOUND);
    page.click('Gửi dữ liệu');
    const submit = page.pending('sidebarSubmit');
    expect(submit.args[0]).not.toBe(stale.args[0]);
    stale.succeed({ phase: 'check', done: 10, total: 4000 });
    expect(progressText(page)).toBe('Đang gửi…');
    page.advance(1_500);
    page.pending('sidebarProgress').succeed({ phase: 'compare', done: 4000, total: 4000 });
    expect(progressText(page)).toBe('Đang so sánh với danh sách đã nộp… 4.000 dòng');
    page.advance(1_500);
    page.pending('sidebarProgress').succeed({ phase: 'send', done: 4000, total: 4000 });
    expect(progressText(page)).toBe('Đang gửi… 4.000 dòng · 3 giây');
    submit.fail('Exceeded maximum execution time');
    expect(page.text()).toContain('Có lỗi khi thực hiệnExceeded maximum execution time');
  });

  it('a refresh is not polled: its one quick call has no rows to count', () => {
    const page = new SidebarPage(BOUND);
    page.click('Làm mới');
    expect(page.pending('sidebarRefresh').args).toEqual([]);
    page.advance(4_500);
    expect(polls(page)).toEqual([]);
    expect(progressText(page)).toBe('Đang tải trạng thái… · 4 giây');
  });
});

describe('the sidebar page’s create view', () => {
  it('from the menu on an organisation’s sheet: the organisations and years as dropdowns; the choice goes to sidebarCreate; “Quay lại” returns', () => {
    const page = new SidebarPage({ ...BOUND, nextStep: 'create', choices: CHOICES });
    expect(page.app.find((e) => e.tagName === 'h1').map((e) => e.textContent)).toEqual(['Tạo bảng đánh giá']);
    expect(page.selects()).toEqual([
      { id: 'choose-org', options: [{ value: 'cb-a', label: 'Chi bộ Công ty A (Đã nộp)' }, { value: 'cb-c', label: 'Chi bộ Công ty C (Chưa nộp)' }], value: 'cb-a' },
      { id: 'choose-year', options: [{ value: '2025', label: '2025' }, { value: '2024', label: '2024' }], value: '2025' },
    ]);
    expect(page.buttons()).toEqual([
      { label: 'Tạo bảng đánh giá', primary: true, disabled: false },
      { label: 'Quay lại', primary: false, disabled: false },
      { label: 'Làm mới', primary: false, disabled: false },
    ]);
    page.choose('choose-org', 'cb-c');
    page.choose('choose-year', '2024');
    page.click('Tạo bảng đánh giá');
    expect(page.pending('sidebarCreate').args).toEqual([2024, 'cb-c']);
    expect(progressText(page)).toBe('Đang tạo bảng…');
    page.pending('sidebarCreate').succeed({ ...BOUND, nextStep: 'create', choices: CHOICES });
    page.click('Quay lại');
    expect(page.selects()).toEqual([]);
    expect(page.buttons().map((b) => [b.label, b.primary])).toEqual([['Kiểm tra dữ liệu', true], ['Gửi dữ liệu', false], ['Làm mới', false]]);
    expect(page.text()).toContain('Chi bộ Công ty A');
  });

  it('a name longer than the dropdown shows is written out below it, with its state', () => {
    const long = 'Chi bộ Công ty Cổ phần Xây dựng và Thương mại Miền Trung';
    const page = new SidebarPage({ ...BOUND, target: null, nextStep: 'create', choices: { ...CHOICES, orgs: [{ orgId: 'cb-l', name: long, stateLabel: 'Đã nộp' }, ...CHOICES.orgs] } });
    expect(page.byId('chosen-org')?.textContent).toBe(`${long} (Đã nộp)`);
    page.choose('choose-org', 'cb-c');
    expect(page.byId('chosen-org')?.textContent).toBe('');
  });

  it('no sheet linked and no organisations loaded yet: says to refresh, and “Tạo bảng đánh giá” waits', () => {
    const page = new SidebarPage({ ...BOUND, target: null, nextStep: 'create', sheetName: 'Trang tính1' });
    expect(page.text()).toContain('Trang tính “Trang tính1” chưa gắn với tổ chức nào.');
    expect(page.text()).toContain('Chưa có danh sách tổ chứcChưa tải được danh sách tổ chức. Hãy bấm “Làm mới”.');
    expect(page.text()).not.toContain('Chưa được phân công tổ chức');
    expect(page.buttons()).toEqual([
      { label: 'Tạo bảng đánh giá', primary: true, disabled: true },
      { label: 'Gắn trang tính này', primary: false, disabled: true },
      { label: 'Kiểm tra dữ liệu', primary: false, disabled: false },
      { label: 'Làm mới', primary: false, disabled: false },
    ]);
  });

  it('an unlinked sheet that already holds a list: “Gắn trang tính này” sends the dropdowns’ choice to sidebarLink', () => {
    const page = new SidebarPage({ ...BOUND, target: null, nextStep: 'create', sheetName: 'Danh sách cũ', choices: CHOICES });
    expect(page.text()).toContain('hoặc “Gắn trang tính này” nếu danh sách đã nhập sẵn ở đây.');
    page.choose('choose-org', 'cb-c');
    page.click('Gắn trang tính này');
    expect(page.pending('sidebarLink').args).toEqual([2025, 'cb-c']);
    expect(progressText(page)).toBe('Đang gắn trang tính…');
    page.pending('sidebarLink').succeed({ ...BOUND, notice: { kind: 'success', title: 'Đã gắn trang tính', text: 'Trang tính “Danh sách cũ” từ nay là bảng đánh giá năm 2025 của Chi bộ Công ty C.' }, nextStep: 'check' });
    expect(page.buttons().map((b) => [b.label, b.primary])).toEqual([['Kiểm tra dữ liệu', true], ['Gửi dữ liệu', false], ['Làm mới', false]]);
  });
});
