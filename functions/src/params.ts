import { defineString } from 'firebase-functions/params';

/**
 * Deploy-time settings. `firebase deploy` asks for them once and keeps them in
 * functions/.env.<project>; at run time they are environment variables, which deps.ts reads
 * and validates. No secret is needed: ID tokens are checked with Google's public keys and the
 * Sheets API is called with the functions' own service account.
 */
export const BLOC_ID = defineString('BLOC_ID', {
  description: 'Id of the bloc, as in its configuration file (e.g. dang-bo-khoi-doanh-nghiep)',
});
