import { configDefaults, defineConfig } from 'vitest/config';

/** Folders whose tests need the Firestore emulator (started once by the globalSetup). */
const EMULATOR_TESTS = ['test/emulator/**/*.test.ts', 'test/e2e/**/*.test.ts'];

/**
 * Two projects over `test/**\/*.test.ts`: `unit` never starts Java; `emulator` starts ONE
 * official Firestore emulator for the whole run (test/support/firestore/emulator-global-setup.ts) and
 * each file uses its own `demo-*` project id (test/support/emulator.ts → useFirestore).
 * Both first build the Apps Script bundle (test/support/addon/build-setup.ts).
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...EMULATOR_TESTS],
          globalSetup: ['test/support/addon/build-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'emulator',
          include: EMULATOR_TESTS,
          globalSetup: ['test/support/addon/build-setup.ts', 'test/support/firestore/emulator-global-setup.ts'],
        },
      },
    ],
  },
});
