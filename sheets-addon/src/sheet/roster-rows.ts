import { EDUCATION, FIELDS, formatDateVi, GENDER, POLITICAL_THEORY, YES_NO, type RosterMember } from '../domain.js';

/**
 * Last year's members as template rows: STT, then who each member is, written as the template's
 * dropdowns and plain-text columns expect it (labels, dd/mm/yyyy, Có/Không); every column of the
 * year's evaluation, and the add-on's “Trạng thái”, left empty.
 */
type CellText = string | number;

function cellOf(member: RosterMember, key: (typeof FIELDS)[number]['key'], index: number): CellText {
  switch (key) {
    case 'stt':
      return index + 1;
    case 'fullName':
      return member.fullName;
    case 'cardNumber':
      return member.cardNumber;
    case 'birthDate':
      return member.birthDate === null ? '' : formatDateVi(member.birthDate);
    case 'admissionDate':
      return member.admissionDate === null ? '' : formatDateVi(member.admissionDate);
    case 'gender':
      return member.gender === null ? '' : GENDER.labelOf(member.gender);
    case 'position':
      return member.position ?? '';
    case 'isLeader':
      return YES_NO.labelOf(member.isLeader ? 'yes' : 'no');
    case 'education':
      return member.education === null ? '' : EDUCATION.labelOf(member.education);
    case 'politicalTheory':
      return member.politicalTheory === null ? '' : POLITICAL_THEORY.labelOf(member.politicalTheory);
    default:
      return '';
  }
}

/** One row per member, as wide as the template (the fields and “Trạng thái”). */
export function rosterRows(members: readonly RosterMember[]): CellText[][] {
  return members.map((member, i) => [...FIELDS.map((f) => cellOf(member, f.key, i)), '']);
}
