export { ANALYSIS_SIDE, checkImage } from './check-image.js';
export { decodeImage, imageSize, InvalidImageError, MAX_INPUT_PIXELS } from './decode.js';
export { chromaSpread, MIN_CHROMA_SPREAD } from './black-and-white.js';
export { laplacianVariance, MIN_SHARPNESS } from './blur.js';
export { GLARE_LEVEL, glareShare, MAX_GLARE_SHARE } from './glare.js';
export { MIN_CHARACTER_PITCH, MIN_SHORT_SIDE } from './resolution.js';
export { MIN_FACES } from './face-present.js';
export type { Box, CheckImageOptions, ImageCheck, ImageChecks, ResolutionCheck, TextBox } from './types.js';
