import { createHash } from 'node:crypto';
import { ORG_FIGURE_KEYS, type OrgFigures } from '../domain/org-figures.js';
import { evaluationSchema, type Evaluation } from '../domain/schema.js';

/** Content hashes: stable key order, so the same evaluation always hashes the same. */
const KEY_ORDER = Object.keys(evaluationSchema.shape);
/** A blank “Cấp lãnh đạo” (issue 18) is left out, so members stored before the column keep their hash. */
const KEY_ORDER_NO_TIER = KEY_ORDER.filter((key) => key !== 'leaderTier');

export function memberHash(evaluation: Evaluation): string {
  const keys = evaluation.leaderTier == null ? KEY_ORDER_NO_TIER : KEY_ORDER;
  return createHash('sha256').update(JSON.stringify(evaluation, keys)).digest('base64url').slice(0, 22);
}

/**
 * The list's hash with the organisation's own figures folded in (issue 18), so changed figures
 * are a new submission; without figures it is the list's hash, as before.
 */
export function withFigures(listContentHash: string, figures: OrgFigures | null): string {
  if (figures === null) return listContentHash;
  return createHash('sha256').update(`${listContentHash}\n${JSON.stringify(figures, [...ORG_FIGURE_KEYS])}`).digest('base64url');
}

/** The whole list: order-independent (sorted by card number), so moving rows changes nothing. */
export function listHash(members: readonly { cardNumber: string; hash: string }[]): string {
  const lines = members.map((m) => `${m.cardNumber}\t${m.hash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('base64url');
}
