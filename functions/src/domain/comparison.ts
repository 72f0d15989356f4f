import type { Derived } from './derive.js';
import { RATING, RATING_LEVELS } from './enums.js';
import type { ComparisonRow } from './rollup-schema.js';
import type { TallyCounts } from './tally.js';

/**
 * Year over year (“So sánh”): the same indicators read from this year's and last year's
 * rollups. Labels are Vietnamese sentence fragments starting with a capital (the report
 * lower-cases the first letter to use them inside a sentence).
 */
export interface YearFigures {
  readonly orgs: number;
  readonly totals: TallyCounts;
  readonly derived: Derived;
}

interface Indicator {
  readonly key: string;
  readonly label: string;
  readonly unit: 'count' | 'percent';
  readonly pick: (year: YearFigures) => number | null;
}

const lower = (text: string): string => text.toLowerCase();

function indicators(exemplaryScale: readonly string[]): Indicator[] {
  const list: Indicator[] = [
    { key: 'orgs', label: 'Số tổ chức cơ sở đảng', unit: 'count', pick: (y) => y.orgs },
    { key: 'listed', label: 'Số đảng viên trong danh sách', unit: 'count', pick: (y) => y.totals.listed },
    { key: 'classified', label: 'Số đảng viên được xếp loại', unit: 'count', pick: (y) => y.totals.classified },
    { key: 'notClassified', label: 'Số đảng viên không xếp loại', unit: 'count', pick: (y) => y.totals.notClassified },
  ];
  for (const level of RATING_LEVELS) {
    const name = lower(RATING.labelOf(level));
    list.push(
      { key: `level.${level}`, label: `Số đảng viên ${name}`, unit: 'count', pick: (y) => y.totals.levels[level] },
      { key: `levelPercent.${level}`, label: `Tỷ lệ đảng viên ${name}`, unit: 'percent', pick: (y) => y.derived.levels[level] },
    );
  }
  list.push({
    key: 'excellentOfGood',
    label: 'Tỷ lệ HTXSNV so với HTTNV',
    unit: 'percent',
    pick: (y) => y.derived.excellentOfGood,
  });
  for (const label of exemplaryScale) {
    const name = lower(label);
    list.push(
      {
        key: `exemplary.${label}`,
        label: `Số đảng viên được đánh giá ${name}`,
        unit: 'count',
        pick: (y) => y.derived.exemplary.total.counts[label] ?? null,
      },
      {
        key: `exemplaryPercent.${label}`,
        label: `Tỷ lệ đảng viên được đánh giá ${name}`,
        unit: 'percent',
        pick: (y) => y.derived.exemplary.total.percents[label] ?? null,
      },
    );
  }
  list.push(
    { key: 'universityPlus', label: 'Tỷ lệ đảng viên có trình độ chuyên môn đại học trở lên', unit: 'percent', pick: (y) => y.derived.universityPlus },
    { key: 'theoryIntermediatePlus', label: 'Tỷ lệ đảng viên có trình độ lý luận chính trị trung cấp trở lên', unit: 'percent', pick: (y) => y.derived.theoryIntermediatePlus },
    { key: 'residenceGood', label: 'Tỷ lệ đảng viên được nơi cư trú nhận xét tốt', unit: 'percent', pick: (y) => y.derived.residence.good },
    { key: 'studiedResolution', label: 'Tỷ lệ đảng viên học tập nghị quyết', unit: 'percent', pick: (y) => y.derived.studiedResolution },
    { key: 'pledgeRegistered', label: 'Tỷ lệ đảng viên đăng ký làm theo', unit: 'percent', pick: (y) => y.derived.pledgeRegistered },
    { key: 'pledgeCompleted', label: 'Tỷ lệ đảng viên hoàn thành nội dung đăng ký làm theo', unit: 'percent', pick: (y) => y.derived.pledgeCompleted },
    { key: 'disciplined', label: 'Số đảng viên bị kỷ luật', unit: 'count', pick: (y) => y.derived.disciplined },
    { key: 'commended', label: 'Số đảng viên được khen thưởng', unit: 'count', pick: (y) => y.derived.commended },
  );
  return list;
}

/** Indicators of this year's scale; a level the previous year's scale lacked compares to null. */
export function compareYears(current: YearFigures, previous: YearFigures, exemplaryScale: readonly string[]): ComparisonRow[] {
  return indicators(exemplaryScale).map(({ key, label, unit, pick }) => {
    const now = pick(current);
    const before = pick(previous);
    const delta = now === null || before === null ? null : Math.round((now - before) * 10) / 10;
    return { key, label, unit, current: now, previous: before, delta };
  });
}
