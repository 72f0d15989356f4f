import { KEYS } from '../sheet/target.js';
import { BUILT_IN_SERVER_URL, normaliseServerUrl, serverUrl, tokenAudience } from '../apps-script/http.js';
import { scriptStore } from '../apps-script/properties.js';
import type { Notice } from '../sidebar-model/sidebar-state.js';
import { describeFailure, fetchStatus } from './backend.js';
import { rememberStatus } from './context.js';
import { CANCELLED_TITLE, SERVER_URL_TEXTS as T } from '../admin/labels.js';

/**
 * “Cài đặt địa chỉ máy chủ” (for the bloc's admin): the backend's base URL, kept in the
 * script properties so every user of the add-on shares it. The new address is only saved when
 * its status endpoint answers and names this account an admin — a typo or a foreign server is
 * refused. An address fixed at build time (ADDON_SERVER_URL) cannot be changed here.
 */
export function setServerUrl(ui: GoogleAppsScript.Base.Ui): Notice {
  if (BUILT_IN_SERVER_URL !== '') {
    return { kind: 'info', title: T.fixedTitle, text: T.fixed(BUILT_IN_SERVER_URL) };
  }
  const current = serverUrl();
  const response = ui.prompt(T.promptTitle, T.prompt(current), ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return { kind: 'info', title: CANCELLED_TITLE, text: T.unchanged };
  const url = normaliseServerUrl(response.getResponseText());
  if (url === null) {
    return { kind: 'error', title: T.invalidTitle, text: T.invalid };
  }
  const reply = fetchStatus(undefined, url);
  if (!reply.ok) {
    const failure = describeFailure(reply);
    const audience = reply.failure?.kind === 'http' && reply.failure.body?.reason === 'wrong_audience' ? tokenAudience() : null;
    const hint = audience ? T.audienceHint(audience) : '';
    return { kind: 'error', title: T.notSavedTitle, text: T.noAnswer(url, failure.title, failure.text, hint) };
  }
  if (!reply.data.roles.includes('admin')) {
    return { kind: 'error', title: T.notSavedTitle, text: T.notAdmin(reply.data.email, reply.data.bloc.name) };
  }
  scriptStore().setProperty(KEYS.serverUrl, url);
  rememberStatus(reply.data);
  return { kind: 'success', title: T.savedTitle, text: T.saved(url, reply.data.bloc.name) };
}
