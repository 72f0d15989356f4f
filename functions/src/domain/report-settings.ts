import { z } from 'zod';

/**
 * How a bloc's printed report is signed and addressed (issue 15), set in the bloc
 * configuration's optional `report:` block; every field has a default. Stored with the bloc and
 * carried in the rollup, so the Word report can be made from the stored rollup alone.
 */
export const reportSettingsSchema = z.object({
  /** The line above the issuing body in the header block, e.g. “ĐẢNG BỘ TỈNH BÌNH DƯƠNG”; null: none. */
  superior: z.string().trim().min(1).max(200).nullable(),
  /** The issuing body, e.g. “ĐẢNG ỦY KHỐI DOANH NGHIỆP”; null: the bloc's name in capitals. */
  issuer: z.string().trim().min(1).max(200).nullable(),
  /** The number-and-symbol line; the number itself is left blank for the office to fill. */
  number: z.string().trim().min(1).max(100),
  /** The place on the place/date line, e.g. “Thủ Dầu Một”; null: a dotted blank. */
  place: z.string().trim().min(1).max(100).nullable(),
  signerFor: z.string().trim().min(1).max(100),
  signerTitle: z.string().trim().min(1).max(100),
  /** null: a blank line for the name, written by hand. */
  signerName: z.string().trim().min(1).max(100).nullable(),
  recipients: z.array(z.string().trim().min(1).max(200)).max(20),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  superior: null,
  issuer: null,
  number: 'Số      -BC/ĐU',
  place: null,
  signerFor: 'T/M BAN THƯỜNG VỤ',
  signerTitle: 'BÍ THƯ',
  signerName: null,
  recipients: ['Cấp ủy cấp trên (để báo cáo)', 'Các tổ chức cơ sở đảng trực thuộc', 'Lưu Văn phòng.'],
};

/** The bloc configuration's `report:` block: every field optional. */
export const reportConfigSchema = reportSettingsSchema.partial().strict();

/** Parsed by zod, an absent field is absent (never undefined), so spreading keeps the defaults. */
export const resolveReportSettings = (config: z.infer<typeof reportConfigSchema> | undefined): ReportSettings => ({
  ...DEFAULT_REPORT_SETTINGS,
  ...config,
});
