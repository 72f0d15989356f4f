import { createHash } from 'node:crypto';
import { evaluationSchema, type Evaluation } from '../domain/schema.js';

/** Content hashes: stable key order, so the same evaluation always hashes the same. */
const KEY_ORDER = Object.keys(evaluationSchema.shape);

export function memberHash(evaluation: Evaluation): string {
  return createHash('sha256').update(JSON.stringify(evaluation, KEY_ORDER)).digest('base64url').slice(0, 22);
}

/** The whole list: order-independent (sorted by card number), so moving rows changes nothing. */
export function listHash(members: readonly { cardNumber: string; hash: string }[]): string {
  const lines = members.map((m) => `${m.cardNumber}\t${m.hash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('base64url');
}
