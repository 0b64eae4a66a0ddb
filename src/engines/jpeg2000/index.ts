export { decodeJpeg2000 } from './decode.js';
export { Jpeg2000Error } from './header.js';
