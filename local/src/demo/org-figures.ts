import { orgFiguresTemplate } from '../../../functions/src/domain/org-figures.js';
import type { Cell } from '../../../functions/src/domain/schema.js';
import { seeded } from './random.js';

/**
 * The demo organisations' own figures (issue 18): the “Số liệu tổ chức” tab filled with values
 * of a realistic size for the organisation (about one quần chúng per member, a work per eight
 * members), the same every run. One organisation in twelve leaves the collectives blank (not
 * reported), so the summary shows how many organisations reported each figure.
 */
export function demoOrgFigures(year: number, seed: number, members: number): Cell[][] {
  const random = seeded(seed * 131 + year);
  const masses = Math.round(members * (0.6 + random.next() * 0.9));
  const studied = Math.round(masses * (0.88 + random.next() * 0.1));
  const registered = Math.max(1, Math.round(members / 8 + random.int(0, 3)));
  const completed = Math.max(0, registered - random.int(0, Math.ceil(registered / 8)));
  const bloc = Math.min(completed, Math.round(completed * 0.1 + random.next()));
  const province = Math.min(completed - bloc, random.next() < 0.4 ? 1 : 0);
  const skipsCollectives = seed % 12 === 5;
  const values: Record<string, Cell> = {
    'Số quần chúng': masses,
    'Quần chúng tham gia học tập nghị quyết': studied,
    'Công trình, phần việc đăng ký làm theo': registered,
    'Công trình, phần việc hoàn thành': completed,
    'Công trình, phần việc được khen thưởng cấp Khối': bloc,
    'Công trình, phần việc được khen thưởng cấp tỉnh, thành phố': province,
    'Mô hình, điển hình học tập và làm theo': Math.max(0, Math.round(members / 80) + random.int(0, 1)),
    'Tập thể được tuyên dương, khen thưởng cấp cơ sở': skipsCollectives ? null : random.int(0, 3),
    'Tập thể được tuyên dương, khen thưởng cấp Khối': skipsCollectives ? null : random.next() < 0.3 ? 1 : 0,
    'Tập thể được tuyên dương, khen thưởng cấp tỉnh, thành phố': skipsCollectives ? null : random.next() < 0.08 ? 1 : 0,
    'Tập thể được tuyên dương, khen thưởng cấp Trung ương': skipsCollectives ? null : 0,
  };
  return orgFiguresTemplate(year, []).map((row) => {
    const label = row[1];
    return typeof label === 'string' && label in values ? [row[0] ?? null, label, values[label] ?? null, row[3] ?? null] : row;
  });
}
