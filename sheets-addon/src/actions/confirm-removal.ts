import type { SubmitAnswer } from '../domain.js';
import { largeRemovalQuestion, removalQuestion } from '../texts/labels.js';

/**
 * The secretary's safety net before a send that would remove members: the server's dry run
 * says who would go; the add-on names them and asks, and a removal of more than a fifth of the
 * stored list asks a second time. The server still accepts what the sheet says: this is not a
 * rule, only a question before the click becomes final.
 */
/** More than this share of the stored list removed needs the second confirmation. */
export const LARGE_REMOVAL_SHARE = 1 / 5;

export type RemovalDecision = 'none' | 'confirmed' | 'cancelled';

/** Members the last accepted list had: everything the new one keeps, changes or removes. */
export const storedCount = (answer: SubmitAnswer): number => answer.counts.updated + answer.counts.unchanged + answer.counts.removed;

export const isLargeRemoval = (answer: SubmitAnswer): boolean => answer.removed.length > storedCount(answer) * LARGE_REMOVAL_SHARE;

/** Asks once, twice for a large removal; 'none' when the dry run removes nobody. */
export function confirmRemovals(ui: GoogleAppsScript.Base.Ui, answer: SubmitAnswer): RemovalDecision {
  if (answer.removed.length === 0) return 'none';
  const ask = (q: { title: string; text: string }) => ui.alert(q.title, q.text, ui.ButtonSet.YES_NO) === ui.Button.YES;
  if (!ask(removalQuestion(answer))) return 'cancelled';
  if (isLargeRemoval(answer) && !ask(largeRemovalQuestion(answer.removed.length, storedCount(answer)))) return 'cancelled';
  return 'confirmed';
}
