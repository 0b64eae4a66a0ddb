import { defineConfig } from 'vite';

// The server serves index.html with a fresh nonce in place of this placeholder, so every tag Vite writes
// carries it and the page needs no 'unsafe-inline' (the same arrangement as the capture app).
const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export default defineConfig({
  base: '/console/',
  html: { cspNonce: NONCE_PLACEHOLDER },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Inlined assets would become data: URLs in CSS and scripts; keep every asset a file from 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
