export { checkImage } from './check-image.js';
