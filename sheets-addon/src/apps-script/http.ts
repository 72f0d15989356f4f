import type { Transport } from '../server/client.js';
import { KEYS } from '../sheet/target.js';
import { scriptStore } from './properties.js';

/**
 * The backend as Apps Script reaches it: UrlFetchApp (synchronous, muted HTTP exceptions so
 * every status is ours to read), the caller's Google ID token, and the base URL — fixed at
 * build time (ADDON_SERVER_URL) or set once by the admin in the script properties.
 */
export const urlFetchTransport: Transport = {
  post(url, jsonBody, token) {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: jsonBody,
      headers: { Authorization: `Bearer ${token}` },
      muteHttpExceptions: true,
      followRedirects: false,
    });
    return { status: response.getResponseCode(), text: response.getContentText('UTF-8') };
  },
  sleep: (ms) => { Utilities.sleep(ms); },
};

export const BUILT_IN_SERVER_URL: string = typeof __DEFAULT_SERVER_URL__ === 'string' ? __DEFAULT_SERVER_URL__ : '';

export function serverUrl(): string | null {
  if (BUILT_IN_SERVER_URL !== '') return BUILT_IN_SERVER_URL;
  const stored = scriptStore().getProperty(KEYS.serverUrl);
  return stored === null || stored === '' ? null : stored;
}

/** “https://…” (or http on this machine, for local testing); no trailing slash. */
export function normaliseServerUrl(text: string): string | null {
  const url = text.trim().replace(/\/+$/, '');
  if (/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) return url;
  if (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/[^\s]*)?$/.test(url)) return url;
  return null;
}

export const identityToken = (): string => ScriptApp.getIdentityToken();

/** The `aud` of this script's ID tokens: the OAuth client id the bloc config must list. */
export function tokenAudience(): string | null {
  const payload = identityToken().split('.')[1];
  if (payload === undefined) return null;
  try {
    const json: unknown = JSON.parse(Utilities.newBlob(Utilities.base64DecodeWebSafe(payload)).getDataAsString());
    return typeof json === 'object' && json !== null && 'aud' in json && typeof json.aud === 'string' ? json.aud : null;
  } catch {
    return null;
  }
}
