import { describe, expect, it } from 'vitest';
import { exemplarySentence, reportSentences, shareList } from '../../../functions/src/domain/report.js';
import { buildRollup } from '../../../functions/src/domain/rollup.js';
import { emptyCounts } from '../../../functions/src/domain/tally.js';
import { blocInput, blocRollup } from '../../fixtures/bloc.js';
import { CNG, NG, NGT, SCALE } from '../../fixtures/evaluations.js';

describe('reportSentences on the hand-checked bloc', () => {
  it('writes every sentence exactly', () => {
    expect(reportSentences(blocRollup())).toEqual([
      'Tính đến 10:30 ngày 20/01/2025 (hạn nộp 17:00 ngày 15/01/2025), có 3/4 tổ chức cơ sở đảng đã nộp kết quả đánh giá, ' +
        'bằng 75%; trong đó, nộp đúng hạn 2 tổ chức, nộp muộn 1 tổ chức; còn 1 tổ chức chưa nộp, bằng 25%.',
      'Năm 2025, tổng số đảng viên trong danh sách đánh giá là 18 đồng chí; có 16 đảng viên được xếp loại chất lượng; ' +
        'trong đó, hoàn thành xuất sắc nhiệm vụ là 2 đồng chí, bằng 12,5%, hoàn thành tốt nhiệm vụ là 12 đồng chí, bằng 75%, ' +
        'hoàn thành nhiệm vụ là 1 đồng chí, bằng 6,3%, không hoàn thành nhiệm vụ 1 đồng chí, bằng 6,2%.',
      'Không xếp loại chất lượng 2 đồng chí, gồm: mới kết nạp dưới 6 tháng 1 đồng chí; vắng mặt, chưa đánh giá 1 đồng chí.',
      'Số đảng viên hoàn thành xuất sắc nhiệm vụ bằng 16,7% số đảng viên hoàn thành tốt nhiệm vụ (tỷ lệ tối đa 20%).',
      'Năm 2025, có 18 đảng viên được đánh giá nêu gương; trong đó, đảng viên giữ chức vụ lãnh đạo, quản lý được đánh giá ' +
        'nêu gương tốt là 5 đồng chí, bằng 100%, nêu gương là 0 đồng chí, bằng 0%, chưa nêu gương 0 đồng chí, bằng 0%; ' +
        'đảng viên không giữ chức vụ lãnh đạo, quản lý được đánh giá nêu gương tốt là 6 đồng chí, bằng 46,1%, nêu gương là ' +
        '5 đồng chí, bằng 38,5%, chưa nêu gương 2 đồng chí, bằng 15,4%.',
      'Về trình độ, có 11 đảng viên có trình độ chuyên môn đại học trở lên, bằng 61,1%; 6 đảng viên có trình độ lý luận ' +
        'chính trị trung cấp trở lên, bằng 33,3% tổng số đảng viên trong danh sách.',
      'Có 15 đảng viên thuộc diện nhận xét của nơi cư trú; trong đó, được nhận xét tốt là 11 đồng chí, bằng 73,4%, ' +
        'chưa tốt là 2 đồng chí, bằng 13,3%, chưa có nhận xét 2 đồng chí, bằng 13,3%.',
      'Có 13 đảng viên học tập, quán triệt nghị quyết, bằng 72,2%; 12 đảng viên đăng ký học tập và làm theo tư tưởng, ' +
        'đạo đức, phong cách Hồ Chí Minh, bằng 66,7%; trong đó, 10 đồng chí hoàn thành nội dung đăng ký, bằng 83,3%.',
      'Năm 2025, có 1 đảng viên bị kỷ luật; trong đó, cảnh cáo 1 đồng chí.',
      'Năm 2025, có 3 đảng viên được khen thưởng (cấp cơ sở 1 đồng chí; cấp Khối 1 đồng chí; cấp tỉnh, thành phố 1 đồng chí), ' +
        'trong đó có 3 đồng chí giữ chức vụ lãnh đạo, quản lý.',
      'So với năm 2024, số đảng viên trong danh sách tăng 8 đồng chí (từ 10 lên 18); tỷ lệ đảng viên hoàn thành xuất sắc ' +
        'nhiệm vụ tăng 2,5 điểm phần trăm (từ 10% lên 12,5%); tỷ lệ đảng viên hoàn thành tốt nhiệm vụ tăng 5 điểm phần trăm ' +
        '(từ 70% lên 75%); tỷ lệ đảng viên hoàn thành nhiệm vụ giảm 13,7 điểm phần trăm (từ 20% xuống 6,3%); tỷ lệ đảng viên ' +
        'không hoàn thành nhiệm vụ tăng 6,2 điểm phần trăm (từ 0% lên 6,2%); tỷ lệ đảng viên được đánh giá nêu gương tốt ' +
        'giảm 18,9 điểm phần trăm (từ 80% xuống 61,1%).',
    ]);
  });

  it('leaves out the comparison without a previous year', () => {
    const sentences = reportSentences(blocRollup({ previous: null }));
    expect(sentences).toHaveLength(10);
    expect(sentences.some((s) => s.startsWith('So với'))).toBe(false);
  });
});

describe('the nêu gương sentence (DOMAIN.md pattern)', () => {
  it('joins levels as “… là N đồng chí, bằng P” and the last without “là”', () => {
    expect(
      shareList([
        { name: 'nêu gương tốt', count: 812, percent: 98.5 },
        { name: 'nêu gương', count: 10, percent: 1.2 },
        { name: 'chưa nêu gương', count: 2, percent: 0.2 },
      ]),
    ).toBe('nêu gương tốt là 812 đồng chí, bằng 98,5%, nêu gương là 10 đồng chí, bằng 1,2%, chưa nêu gương 2 đồng chí, bằng 0,2%');
  });

  it('writes the 2024 example with thousands separators and shares that add up to 100', () => {
    const tally = emptyCounts(SCALE);
    tally.listed = 2350;
    tally.exemplary.leader = { [NGT]: 812, [NG]: 10, [CNG]: 2 };
    tally.exemplary.nonLeader = { [NGT]: 1402, [NG]: 120, [CNG]: 4 };
    const rollup = buildRollup(
      blocInput({
        year: 2024,
        previous: null,
        orgs: [{ orgId: 'o', name: 'Đảng bộ O', state: 'approved', expectedMembers: null, lastSubmission: null, tally: { ...tally, cardNumbers: [] } }],
      }),
    );
    // 812 / 824 = 98,54…: rounded so each group adds up to 100 (98,6 + 1,2 + 0,2; 91,9 + 7,9 + 0,2).
    expect(exemplarySentence(rollup)).toBe(
      'Năm 2024, có 2.350 đảng viên được đánh giá nêu gương; trong đó, đảng viên giữ chức vụ lãnh đạo, quản lý được đánh giá ' +
        'nêu gương tốt là 812 đồng chí, bằng 98,6%, nêu gương là 10 đồng chí, bằng 1,2%, chưa nêu gương 2 đồng chí, bằng 0,2%; ' +
        'đảng viên không giữ chức vụ lãnh đạo, quản lý được đánh giá nêu gương tốt là 1.402 đồng chí, bằng 91,9%, nêu gương là ' +
        '120 đồng chí, bằng 7,9%, chưa nêu gương 4 đồng chí, bằng 0,2%.',
    );
  });

  it('leaves out a group with no members', () => {
    const tally = emptyCounts(SCALE);
    tally.listed = 3;
    tally.exemplary.nonLeader = { [NGT]: 3, [NG]: 0, [CNG]: 0 };
    const rollup = buildRollup(
      blocInput({ previous: null, orgs: [{ orgId: 'o', name: 'O', state: 'submitted', expectedMembers: null, lastSubmission: null, tally: { ...tally, cardNumbers: [] } }] }),
    );
    expect(exemplarySentence(rollup)).toBe(
      'Năm 2025, có 3 đảng viên được đánh giá nêu gương; trong đó, đảng viên không giữ chức vụ lãnh đạo, quản lý được đánh giá ' +
        'nêu gương tốt là 3 đồng chí, bằng 100%, nêu gương là 0 đồng chí, bằng 0%, chưa nêu gương 0 đồng chí, bằng 0%.',
    );
  });
});

describe('sentences for an empty or quiet bloc', () => {
  it('says nothing was submitted yet and stops at the rating sentence', () => {
    const rollup = buildRollup(blocInput({ previous: null, orgs: [{ orgId: 'c', name: 'C', state: 'not_submitted', expectedMembers: 5, lastSubmission: null, tally: null }] }));
    expect(reportSentences(rollup)).toEqual([
      'Tính đến 10:30 ngày 20/01/2025 (hạn nộp 17:00 ngày 15/01/2025), có 0/1 tổ chức cơ sở đảng đã nộp kết quả đánh giá, ' +
        'bằng 0%; trong đó, nộp đúng hạn 0 tổ chức, nộp muộn 0 tổ chức; còn 1 tổ chức chưa nộp, bằng 100%.',
      'Năm 2025, tổng số đảng viên trong danh sách đánh giá là 0 đồng chí; chưa có đảng viên được xếp loại chất lượng.',
    ]);
  });

  it('says there was no discipline and no commendation', () => {
    const tally = emptyCounts(SCALE);
    tally.listed = 1;
    tally.classified = 1;
    tally.levels.HTNV = 1;
    tally.exemplary.nonLeader = { [NGT]: 0, [NG]: 1, [CNG]: 0 };
    tally.residence.missing = 1;
    const rollup = buildRollup(
      blocInput({ previous: null, orgs: [{ orgId: 'o', name: 'O', state: 'submitted', expectedMembers: null, lastSubmission: null, tally: { ...tally, cardNumbers: [] } }] }),
    );
    const sentences = reportSentences(rollup);
    expect(sentences).toContain('Năm 2025, không có đảng viên bị kỷ luật.');
    expect(sentences).toContain('Năm 2025, không có đảng viên được khen thưởng.');
    expect(sentences).toContain(
      'Có 0 đảng viên học tập, quán triệt nghị quyết, bằng 0%; 0 đảng viên đăng ký học tập và làm theo tư tưởng, đạo đức, ' +
        'phong cách Hồ Chí Minh, bằng 0%.',
    );
    // No HTTNV: no quota sentence.
    expect(sentences.some((s) => s.includes('tỷ lệ tối đa'))).toBe(false);
  });
});
