import { z } from 'zod';

/**
 * The small schemas every record, answer and rollup shares, written once: an instant is an
 * ISO string with an offset, a count a non-negative integer, a year one the ledger can hold.
 */
export const instantSchema = z.iso.datetime({ offset: true });
export const emailSchema = z.email();

/**
 * Identities are compared as Google issues them: ASCII only, lower-cased in ASCII. `toLowerCase()`
 * would fold look-alikes (U+212A KELVIN SIGN → “k”) into a configured address; those are refused.
 */
export const isAsciiEmail = (email: string): boolean => /^[\x21-\x7e]+@[\x21-\x7e]+$/.test(email);
export const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
export const countSchema = z.number().int().nonnegative();
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const yearNumberSchema = z.number().int().min(YEAR_MIN).max(YEAR_MAX);
/** A percentage, or null when its base is zero. */
export const percentSchema = z.number().min(0).nullable();
