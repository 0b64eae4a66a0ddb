import { defineConfig } from 'vitest/config';
import { useTestFonts } from './test/support/fonts/use-test-fonts.js';

// Set here, in the process that starts the test workers, so every worker inherits it before it draws text.
useTestFonts();

/** Tests outside src/engines that still run the OCR or face models (slow to load: the engines project). */
const modelTests = ['src/watermark/render.test.ts', 'src/providers/signicatvideoid/engine-backend.test.ts'];
/** Tests in src that need the databases (the api project, which has them). */
const databaseTests = ['src/notifications/deliver-job.test.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    // `npm test -- --project unit` runs one of these.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'web/*/src/**/*.test.ts'],
          exclude: ['src/engines/**', ...modelTests, ...databaseTests],
        },
      },
      {
        extends: true,
        test: { name: 'engines', include: ['src/engines/**/*.test.ts', ...modelTests] },
      },
      {
        extends: true,
        test: { name: 'api', include: ['test/**/*.test.ts', ...databaseTests], exclude: ['test/browser/**'] },
      },
      {
        extends: true,
        // The web apps in Debian's Chromium, driven by playwright-core.
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'] },
      },
    ],
  },
});
