// The Apps Script globals (SpreadsheetApp, UrlFetchApp, …) for every program that compiles the
// add-on's server code: sheets-addon/tsconfig.json and the root tsconfig.json.
/// <reference types="google-apps-script" />

/** Set by build.mjs from ADDON_SERVER_URL (empty when the admin sets it from the menu). */
declare const __DEFAULT_SERVER_URL__: string;
