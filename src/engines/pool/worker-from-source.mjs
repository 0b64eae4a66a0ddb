// The pool's worker when running from TypeScript sources (tests, `tsx`): worker threads do not inherit
// the parent's loader, so register tsx here, then load the real worker. Compiled builds use worker.js.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');

export const { readMrz, detectFaces, portrait, compareFaces, checkImage, findWords, readVisualZone, decodeJpeg2000 } =
  worker;
