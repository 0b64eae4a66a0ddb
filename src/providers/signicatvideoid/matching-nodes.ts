import type { Json } from '../../core/domain.js';
import type { NodeValues } from '../../matching/types.js';
import { isJsonObject } from '../normalize.js';

/** The `ocr` node of a match: what the video identification read on the document; undefined when absent. */
export const ocrNode = (providerSpecific: Json): NodeValues | undefined =>
  isJsonObject(providerSpecific.ocr) ? { available: true, values: providerSpecific.ocr } : undefined;
