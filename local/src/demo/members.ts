import { FIELDS } from '../../../functions/src/domain/fields.js';
import type { Cell } from '../../../functions/src/domain/schema.js';
import { seeded, type Random } from './random.js';

/**
 * Realistic, deterministic evaluation sheets for the demo bloc and the benchmarks: Vietnamese
 * names, plausible distributions, rules respected (so a generated sheet is accepted) unless
 * asked otherwise.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Công', 'Xuân'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Kim', 'Phương', 'Hồng'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Long', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Trung', 'Tuấn', 'Việt'];
const GIVEN_F = ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Yến'];
const POSITIONS = ['Giám đốc', 'Phó Giám đốc', 'Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên', 'Kế toán', 'Cán bộ'];

export interface MemberSheetOptions {
  readonly year: number;
  readonly members: number;
  readonly seed: number;
  /** A prefix making card numbers unique across organisations. */
  readonly cardPrefix: string;
  readonly exemplaryScale?: readonly string[];
}

type Row = Record<string, Cell>;

function ratingFor(random: Random, counts: { excellent: number; good: number }): string {
  // Keep HTXSNV within 20% of HTTNV as a careful secretary would.
  const wantExcellent = random.next() < 0.15;
  if (wantExcellent && (counts.excellent + 1) * 5 <= counts.good) {
    counts.excellent += 1;
    return 'Hoàn thành xuất sắc nhiệm vụ';
  }
  const rating = random.weighted([
    ['Hoàn thành tốt nhiệm vụ', 80],
    ['Hoàn thành nhiệm vụ', 8],
    ['Không hoàn thành nhiệm vụ', 1],
  ] as const);
  if (rating === 'Hoàn thành tốt nhiệm vụ') counts.good += 1;
  return rating;
}

const SCORE_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  'Hoàn thành xuất sắc nhiệm vụ': [90, 100],
  'Hoàn thành tốt nhiệm vụ': [70, 89],
  'Hoàn thành nhiệm vụ': [50, 69],
  'Không hoàn thành nhiệm vụ': [20, 49],
};

const pad = (n: number): string => String(n).padStart(2, '0');

function memberRow(
  person: Random,
  random: Random,
  index: number,
  options: MemberSheetOptions,
  counts: { excellent: number; good: number },
): Row {
  const scale = options.exemplaryScale ?? ['Nêu gương tốt', 'Nêu gương', 'Chưa nêu gương'];
  // Who the member is comes from `person` (the same every year); how the year went from `random`.
  const female = person.next() < 0.45;
  const name = `${person.pick(FAMILY)} ${person.pick(female ? MIDDLE_F : MIDDLE_M)} ${person.pick(female ? GIVEN_F : GIVEN_M)}`;
  const leader = person.next() < 0.3;
  const birthYear = person.int(1965, 2000);
  const birthDay = `${pad(person.int(1, 28))}/${pad(person.int(1, 12))}/${birthYear}`;
  const yearOnly = person.next() < 0.2;
  const admission = `${pad(person.int(1, 28))}/${pad(person.int(1, 12))}/${Math.min(options.year - 1, birthYear + person.int(20, 35))}`;
  const position = leader ? person.pick(POSITIONS.slice(0, 4)) : person.pick(POSITIONS.slice(4));
  const education = person.weighted([['Đại học', 70], ['Thạc sĩ', 18], ['Tiến sĩ', 2], ['Cao đẳng', 5], ['Trung cấp', 5]] as const);
  const theory = person.weighted([['Sơ cấp', 40], ['Trung cấp', 35], ['Cao cấp', 20], ['Cử nhân', 2], ['Chưa qua đào tạo', 3]] as const);

  const unrated = random.next() < 0.015;
  const rating = unrated ? 'Không xếp loại' : ratingFor(random, counts);
  const [low, high] = SCORE_RANGE[rating] ?? [0, 0];
  const score = random.int(low, high);
  const exemplary = rating === 'Không hoàn thành nhiệm vụ' ? scale[scale.length - 1] : random.weighted([[scale[0], 85], [scale[1], 14], [scale[scale.length - 1], 1]] as const);
  const registered = random.next() < 0.95;
  const completed = random.next() < 0.97;
  const disciplined = rating === 'Không hoàn thành nhiệm vụ' && random.next() < 0.5;
  return {
    STT: index + 1,
    'Họ và tên': name,
    'Số thẻ đảng viên': `${options.cardPrefix}.${String(index + 1).padStart(5, '0')}`,
    'Ngày sinh': yearOnly ? birthYear : birthDay,
    'Giới tính': female ? 'Nữ' : 'Nam',
    'Ngày vào Đảng': admission,
    'Chức vụ': position,
    'Lãnh đạo, quản lý': leader ? 'Có' : '',
    // Issue 18: directors are unit heads, heads of department their tier, deputies no tier (the post alone decides, no draw).
    'Cấp lãnh đạo': !leader ? null : position === 'Giám đốc' ? 'Bí thư đảng ủy, người đứng đầu cơ quan, đơn vị' : position === 'Trưởng phòng' ? 'Bí thư chi bộ' : 'Không',
    'Trình độ chuyên môn': education,
    'Lý luận chính trị': theory,
    Điểm: options.year >= 2025 && !unrated ? score : null,
    'Xếp loại': rating,
    'Lý do không xếp loại': unrated ? random.pick(['Miễn công tác và sinh hoạt đảng', 'Vắng mặt, chưa đánh giá', 'Đình chỉ sinh hoạt đảng']) : null,
    'Nêu gương': exemplary ?? null,
    'Nhận xét nơi cư trú': random.weighted([['Tốt', 90], ['Chưa tốt', 1], ['Không thuộc diện nhận xét', 5], ['Chưa có nhận xét', 4]] as const),
    'Học tập nghị quyết': random.next() < 0.98 ? 'Có' : 'Không',
    'Đăng ký làm theo': registered ? 'Nâng cao tinh thần trách nhiệm, tác phong làm việc khoa học' : null,
    'Kết quả làm theo': registered ? (completed ? 'Hoàn thành' : 'Chưa hoàn thành') : null,
    'Kỷ luật trong năm': disciplined ? 'Khiển trách' : 'Không',
    'Tự phát hiện, khắc phục': null,
    'Khen thưởng': random.weighted([['Không', 80], ['Cấp cơ sở', 15], ['Cấp Khối', 4], ['Cấp tỉnh, thành phố', 1]] as const),
    'Ghi chú': null,
  };
}

/** An organisation's sheet as getValues() returns it: two title rows, a blank, the header, the members. */
export function generateMemberSheet(options: MemberSheetOptions, title = 'DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN'): Cell[][] {
  const person = seeded(options.seed);
  const random = seeded(options.seed * 31 + options.year);
  const headers = FIELDS.map((f) => f.header);
  // A good share of HTTNV first lets the quota hold from the first rows on.
  const counts = { excellent: 0, good: 0 };
  const rows = Array.from({ length: options.members }, (_, i) => memberRow(person, random, i, options, counts));
  return [[title], [`Năm ${options.year}`], [], headers, ...rows.map((row) => headers.map((h) => row[h] ?? null))];
}
