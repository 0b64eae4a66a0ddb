#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, run automatically before `npm start`).
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')) {
    console.error('openassure: dist/ is missing; run `npm run build` first.');
  } else {
    console.error(error);
  }
  process.exit(1);
});
