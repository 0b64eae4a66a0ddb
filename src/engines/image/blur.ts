import type { RawImage } from './decode.js';
import type { ImageCheck } from './types.js';

/**
 * Minimum variance of the Laplacian. Calibrated on document images: the 76 corpus documents score 718 to 17,400
 * (95% above 896); copies blurred with a Gaussian of sigma 0.5% of the longest side (5 px on a 1000 px photo) all
 * score under 480, sigma 0.3% has a median of 137 (95% under 1,048). JPEG quality 40 barely moves it (lowest 743).
 * Face photos are smoother by nature (the corpus portraits go down to about 100): this threshold is for documents.
 * Measured alternative: the Crete-Roffet blur estimate separated the same copies slightly less well.
 */
const MIN_SHARPNESS = 500;

/**
 * Variance of the 4-neighbour Laplacian over a grey image: edges give large second derivatives, blur removes them.
 * checkImage feeds it a copy at most ANALYSIS_SIDE long with its contrast stretched (1st-99th percentile to 0-255),
 * as the variance grows with resolution and contrast and should measure focus, not pixel count or lighting.
 */
function laplacianVariance(grey: RawImage): number {
  const { data, width, height } = grey;
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    const row = y * width;
    for (let x = 1; x < width - 1; x++) {
      const i = row + x;
      const v = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      sum += v;
      sumSquares += v * v;
      count++;
    }
  }
  return sumSquares / count - (sum / count) ** 2;
}

export function blurCheck(grey: RawImage): ImageCheck {
  const value = laplacianVariance(grey);
  return { value, passed: value >= MIN_SHARPNESS, threshold: MIN_SHARPNESS };
}
