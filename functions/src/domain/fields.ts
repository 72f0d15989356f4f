import {
  COMMENDATION,
  DISCIPLINE,
  EDUCATION,
  GENDER,
  LEADER_TIER,
  PLEDGE_RESULT,
  POLITICAL_THEORY,
  RATING,
  RESIDENCE_FEEDBACK,
  UNRATED_REASON,
  YES_NO,
  type Enumeration,
} from './enums.js';

/**
 * The evaluation sheet's columns (DOMAIN.md), in template order. `header` is the exact wording
 * of the template; `aliases` are other headers seen in the bloc's Excel files. `note` explains
 * the field on the template's header cell.
 */
export type FieldKind =
  | { type: 'ignored' }
  /** personName: a text cell with at least one letter (never a number, TRUE/FALSE, signs or emoji only). */
  | { type: 'text'; max: number; personName?: true }
  | { type: 'card' }
  | { type: 'date' }
  | { type: 'birth' }
  | { type: 'score' }
  | { type: 'enum'; values: Enumeration<string> }
  | { type: 'leader' }
  | { type: 'exemplary' };

/** 'scored': required when the year's rule pack uses the 100-point score (from 2025). */
export type Requirement = 'required' | 'optional' | 'scored';

export interface FieldSpec {
  readonly key: FieldKey;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly requirement: Requirement;
  readonly kind: FieldKind;
  readonly width: number;
  readonly note: string;
}

export const FIELD_KEYS = [
  'stt',
  'fullName',
  'cardNumber',
  'birthDate',
  'gender',
  'admissionDate',
  'position',
  'isLeader',
  'education',
  'politicalTheory',
  'score',
  'rating',
  'unratedReason',
  'exemplary',
  'residenceFeedback',
  'studiedResolution',
  'pledge',
  'pledgeResult',
  'discipline',
  'selfCorrected',
  'commendation',
  'leaderTier',
  'note',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

const field = (
  key: FieldKey,
  header: string,
  requirement: Requirement,
  kind: FieldKind,
  width: number,
  note: string,
  aliases: readonly string[] = [],
): FieldSpec => ({ key, header, aliases, requirement, kind, width, note });

export const FIELDS: readonly FieldSpec[] = [
  field('stt', 'STT', 'optional', { type: 'ignored' }, 50, 'Số thứ tự (không bắt buộc, không được lưu).', ['TT', 'Số TT', 'Số thứ tự']),
  field('fullName', 'Họ và tên', 'required', { type: 'text', max: 100, personName: true }, 200, 'Họ và tên đầy đủ của đảng viên, tối đa 100 ký tự.', ['Họ tên', 'Họ và tên đảng viên', 'Tên đảng viên']),
  field('cardNumber', 'Số thẻ đảng viên', 'required', { type: 'card' }, 130, 'Số thẻ đảng viên: chữ, số, dấu chấm, dấu gạch ngang, tối đa 20 ký tự. Không được trùng trong tổ chức.', ['Số thẻ', 'Số thẻ Đảng', 'Số thẻ ĐV', 'Số thẻ đảng']),
  field('birthDate', 'Ngày sinh', 'optional', { type: 'birth' }, 100, 'Ngày sinh dạng ngày/tháng/năm (15/03/1985) hoặc chỉ năm sinh (1985).', ['Năm sinh', 'Ngày tháng năm sinh']),
  field('gender', 'Giới tính', 'optional', { type: 'enum', values: GENDER }, 70, 'Nam hoặc Nữ.', ['Nam/Nữ', 'Nam nữ']),
  field('admissionDate', 'Ngày vào Đảng', 'optional', { type: 'date' }, 110, 'Ngày kết nạp vào Đảng, dạng ngày/tháng/năm.', ['Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày vào đảng chính thức']),
  field('position', 'Chức vụ', 'optional', { type: 'text', max: 200 }, 150, 'Chức vụ chính quyền, đoàn thể hoặc trong Đảng (nếu có).', ['Chức vụ hiện nay']),
  field('isLeader', 'Lãnh đạo, quản lý', 'required', { type: 'leader' }, 90, 'Có nếu đảng viên giữ chức vụ lãnh đạo, quản lý; để trống hoặc Không nếu không giữ.', ['Giữ chức vụ lãnh đạo, quản lý', 'LĐQL', 'Cán bộ lãnh đạo quản lý']),
  field('education', 'Trình độ chuyên môn', 'optional', { type: 'enum', values: EDUCATION }, 120, 'Trung cấp, Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ hoặc Khác.', ['Trình độ CM', 'Chuyên môn', 'Trình độ chuyên môn nghiệp vụ']),
  field('politicalTheory', 'Lý luận chính trị', 'optional', { type: 'enum', values: POLITICAL_THEORY }, 120, 'Chưa qua đào tạo, Sơ cấp, Trung cấp, Cao cấp hoặc Cử nhân.', ['LLCT', 'Trình độ LLCT', 'Trình độ lý luận chính trị', 'Lý luận']),
  field('score', 'Điểm', 'scored', { type: 'score' }, 60, 'Từ năm 2025 (Quy định 366-QĐ/TW): điểm từ 0 đến 100. HTXSNV từ 90 điểm, HTTNV từ 70 đến dưới 90, HTNV từ 50 đến dưới 70, KHTNV dưới 50.', ['Tổng điểm', 'Điểm đánh giá', 'Số điểm']),
  field('rating', 'Xếp loại', 'required', { type: 'enum', values: RATING }, 230, 'Hoàn thành xuất sắc nhiệm vụ (HTXSNV), Hoàn thành tốt nhiệm vụ (HTTNV), Hoàn thành nhiệm vụ (HTNV), Không hoàn thành nhiệm vụ (KHTNV) hoặc Không xếp loại.', ['Xếp loại chất lượng', 'Kết quả xếp loại', 'Xếp loại đảng viên', 'Mức xếp loại']),
  field('unratedReason', 'Lý do không xếp loại', 'optional', { type: 'enum', values: UNRATED_REASON }, 200, 'Chỉ ghi khi Xếp loại là Không xếp loại.', ['Lý do', 'Lý do không xếp loại chất lượng']),
  field('exemplary', 'Nêu gương', 'required', { type: 'exemplary' }, 130, 'Mức nêu gương theo thang của Đảng bộ Khối.', ['Đánh giá nêu gương', 'Kết quả nêu gương', 'Mức nêu gương']),
  field('residenceFeedback', 'Nhận xét nơi cư trú', 'optional', { type: 'enum', values: RESIDENCE_FEEDBACK }, 150, 'Tốt, Chưa tốt, Không thuộc diện nhận xét hoặc Chưa có nhận xét. Để trống được tính là Chưa có nhận xét.', ['Nơi cư trú', 'Nhận xét của nơi cư trú', 'Nhận xét của chi ủy nơi cư trú']),
  field('studiedResolution', 'Học tập nghị quyết', 'optional', { type: 'enum', values: YES_NO }, 90, 'Có hoặc Không: đảng viên có tham gia học tập, quán triệt nghị quyết trong năm.', ['Học tập NQ', 'Học tập, quán triệt nghị quyết']),
  field('pledge', 'Đăng ký làm theo', 'optional', { type: 'text', max: 1000 }, 220, 'Nội dung đăng ký học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05). Để trống nếu chưa đăng ký.', ['Nội dung đăng ký làm theo', 'Đăng ký học tập và làm theo']),
  field('pledgeResult', 'Kết quả làm theo', 'optional', { type: 'enum', values: PLEDGE_RESULT }, 110, 'Hoàn thành hoặc Chưa hoàn thành.', ['Kết quả thực hiện làm theo', 'Kết quả học tập và làm theo']),
  field('discipline', 'Kỷ luật trong năm', 'optional', { type: 'enum', values: DISCIPLINE }, 110, 'Không, Khiển trách, Cảnh cáo, Cách chức hoặc Khai trừ.', ['Kỷ luật', 'Hình thức kỷ luật']),
  field('selfCorrected', 'Tự phát hiện, khắc phục', 'optional', { type: 'enum', values: YES_NO }, 100, 'Có nếu đảng viên bị kỷ luật đã tự phát hiện, tự khắc phục (khi đó không bắt buộc xếp loại KHTNV).', ['Tự phát hiện', 'Tự phát hiện và khắc phục']),
  field('commendation', 'Khen thưởng', 'optional', { type: 'enum', values: COMMENDATION }, 130, 'Không, Cấp cơ sở, Cấp Khối, Cấp tỉnh, thành phố hoặc Cấp Trung ương.', ['Khen thưởng trong năm', 'Hình thức khen thưởng']),
  // Issue 18: beside the commendation it splits (placed last so the template's other columns keep their places).
  field('leaderTier', 'Cấp lãnh đạo', 'optional', { type: 'enum', values: LEADER_TIER }, 200, 'Chỉ ghi khi cột “Lãnh đạo, quản lý” là Có: Bí thư đảng ủy, người đứng đầu cơ quan, đơn vị; hoặc Bí thư chi bộ, người đứng đầu phòng, ban, đoàn thể và tương đương. Để trống hoặc Không nếu không thuộc hai cấp này.', ['Cấp lãnh đạo, quản lý', 'Cấp chức vụ', 'Cấp lãnh đạo quản lý']),
  field('note', 'Ghi chú', 'optional', { type: 'text', max: 1000 }, 200, 'Ghi chú thêm (không bắt buộc).'),
];

export const FIELD_BY_KEY: ReadonlyMap<FieldKey, FieldSpec> = new Map(FIELDS.map((f) => [f.key, f]));

export function fieldSpec(key: FieldKey): FieldSpec {
  const spec = FIELD_BY_KEY.get(key);
  if (!spec) throw new Error(`unknown field ${key}`);
  return spec;
}

/** The column added by the add-on beside the data; ignored (no warning) when read back. */
export const STATUS_HEADER = 'Trạng thái';
