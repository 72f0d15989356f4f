/**
 * `npm run build -w functions` (and firebase.json's predeploy): writes functions/dist, the
 * folder `firebase deploy` uploads — see local/src/deploy/build-functions.ts.
 */
import { buildFunctions, DEPLOY_DIR } from '../local/src/deploy/build-functions.js';

const built = await buildFunctions();
console.log(`${DEPLOY_DIR}: ${built.files.join(', ')}; installed there: ${Object.entries(built.dependencies).map(([n, v]) => `${n}@${v}`).join(', ')}`);
