/**
 * The font every mark is drawn in. DejaVu Sans comes from Debian's `fonts-dejavu-core` and is found
 * through fontconfig; it covers Latin, Greek and Cyrillic, so most titles render without tofu.
 */
export const watermarkFont = 'DejaVu Sans';

/**
 * DejaVu Sans's average advance per character, in em. An estimate, used only to decide where to wrap
 * and how often to repeat; it errs wide, so text rarely runs past the edge it was fitted to.
 */
export const averageCharWidthEm = 0.62;
