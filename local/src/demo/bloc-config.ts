import { seeded } from './random.js';

/**
 * The demo bloc: 74 organisations with realistic Vietnamese names and sizes summing to about
 * 5.000 members, evaluated in 2024 (QĐ 124) and 2025 (QĐ 366). Deterministic: the same file
 * every time (`npm run demo:config` writes examples/demo-bloc.yaml from it).
 */
const KINDS = [
  { prefix: 'Đảng bộ Tổng công ty', min: 180, max: 420, count: 6 },
  { prefix: 'Đảng bộ Công ty', min: 70, max: 160, count: 14 },
  { prefix: 'Chi bộ Công ty Cổ phần', min: 12, max: 60, count: 38 },
  { prefix: 'Chi bộ Ngân hàng', min: 15, max: 45, count: 8 },
  { prefix: 'Chi bộ Ban Quản lý', min: 10, max: 30, count: 8 },
] as const;

const ROOTS = [
  'Điện lực', 'Cấp nước', 'Xây dựng số 1', 'Vận tải Thủy', 'Cảng Sài Gòn', 'Du lịch Bến Thành', 'Thương mại Sài Gòn', 'Dược phẩm Trung ương',
  'Cao su Đồng Nai', 'Lương thực miền Nam', 'Môi trường đô thị', 'Xổ số kiến thiết', 'Bảo hiểm Bảo Việt', 'Viễn thông', 'Bưu điện',
  'In Trần Phú', 'Phát hành sách', 'Giống cây trồng', 'Thủy lợi', 'Quản lý đường bộ', 'Công viên cây xanh', 'Chiếu sáng công cộng',
  'Khoáng sản', 'Xi măng Hà Tiên', 'Phân bón miền Nam', 'Thủy sản', 'Cơ khí Duyên Hải', 'Dệt may Thành Công', 'Giày da Bình Tiên',
  'Điện máy', 'Sách thiết bị trường học', 'Đầu tư phát triển nhà', 'Kinh doanh nhà', 'Phát triển khu công nghiệp', 'Nông nghiệp',
  'Vật tư tổng hợp', 'Xuất nhập khẩu', 'Dịch vụ công ích', 'Thoát nước đô thị', 'Xe khách', 'Đường sắt', 'Hàng không', 'Dầu khí',
  'Than', 'Muối', 'Chè', 'Cà phê', 'Mía đường', 'Rượu bia', 'Thuốc lá', 'Văn phòng phẩm', 'Nhựa', 'Hóa chất', 'Gạch ngói', 'Gốm sứ',
  'Thép', 'Kính', 'Sơn', 'Giấy', 'Gỗ', 'Thực phẩm', 'Sữa', 'Bánh kẹo', 'Nước giải khát', 'Vệ sinh môi trường', 'Công trình giao thông',
  'Tư vấn thiết kế', 'Kiểm định xây dựng', 'Đo đạc bản đồ', 'Khai thác thủy lợi', 'Quản lý chợ', 'Bến xe', 'Phà', 'Đóng tàu',
];
const BANK_BRANCHES = ['Chi nhánh Thành phố', 'Chi nhánh Bắc Sài Gòn', 'Chi nhánh Chợ Lớn', 'Chi nhánh Gia Định', 'Chi nhánh Thủ Đức', 'Chi nhánh Tân Bình', 'Chi nhánh Bình Chánh', 'Chi nhánh Củ Chi'];
const BANKS = ['Nông nghiệp và Phát triển nông thôn', 'Công thương', 'Đầu tư và Phát triển', 'Ngoại thương', 'Chính sách xã hội'];
const PROJECTS = ['Dự án đầu tư xây dựng', 'Khu công nghệ cao', 'Khu chế xuất', 'Đường sắt đô thị', 'Rừng phòng hộ', 'Khu đô thị mới', 'Chợ đầu mối', 'Nghĩa trang'];

export interface DemoOrg {
  readonly id: string;
  readonly name: string;
  readonly members: number;
}

export function demoOrganisations(): DemoOrg[] {
  const random = seeded(2025);
  const roots = [...ROOTS];
  const orgs: DemoOrg[] = [];
  for (const kind of KINDS) {
    for (let i = 0; i < kind.count; i++) {
      let name: string;
      if (kind.prefix === 'Chi bộ Ngân hàng') name = `${kind.prefix} ${BANKS[i % BANKS.length]} ${BANK_BRANCHES[i % BANK_BRANCHES.length]}`;
      else if (kind.prefix === 'Chi bộ Ban Quản lý') name = `${kind.prefix} ${PROJECTS[i % PROJECTS.length]}`;
      else name = `${kind.prefix} ${roots.splice(random.int(0, roots.length - 1), 1)[0] ?? `số ${i + 1}`}`;
      orgs.push({ id: `org-${String(orgs.length + 1).padStart(2, '0')}`, name, members: random.int(kind.min, kind.max) });
    }
  }
  return orgs;
}

/** The configuration as the YAML file would hold it (parsed by blocConfigSchema). */
export function demoBlocConfig(): Record<string, unknown> {
  const orgs = demoOrganisations();
  const org = (o: DemoOrg, members: number) => ({ id: o.id, name: o.name, secretaries: [`bithu.${o.id}@demo.khoi.vn`], expectedMembers: members });
  return {
    id: 'dang-bo-khoi-demo',
    name: 'Đảng bộ Khối Doanh nghiệp (dữ liệu mẫu)',
    timeZone: 'Asia/Ho_Chi_Minh',
    admins: ['van.phong@demo.khoi.vn'],
    leaders: ['bi.thu@demo.khoi.vn', 'pho.bi.thu@demo.khoi.vn'],
    oauthClientIds: ['demo-addon.apps.googleusercontent.com'],
    // Issue 18: the term 2021–2025 (the ledger holds it from 2023), for the “Nhiệm kỳ” tab.
    terms: [{ from: 2021, to: 2025 }],
    years: {
      // Two organisations joined later: 72 organisations in 2023.
      2023: { deadline: '15/01/2024 17:00', evaluationDate: '31/12/2023', orgs: orgs.slice(0, -2).map((o) => org(o, Math.max(5, o.members - (o.members % 5)))) },
      // The last organisation was founded in 2025: 73 organisations a year earlier.
      2024: { deadline: '15/01/2025 17:00', evaluationDate: '31/12/2024', orgs: orgs.slice(0, -1).map((o) => org(o, Math.max(5, o.members - (o.members % 7)))) },
      2025: { deadline: '15/01/2026 17:00', evaluationDate: '31/12/2025', orgs: orgs.map((o) => org(o, o.members)) },
    },
  };
}
