import type { ImageUpload } from '../../services/uploads/stored-images.js';

/** Turns `{front, back, selfie, portrait}` request fields into uploads, in that order. */
export function uploadsOf(fields: Partial<Record<'front' | 'back' | 'selfie' | 'portrait', string>>): ImageUpload[] {
  return (['front', 'back', 'selfie', 'portrait'] as const)
    .filter((depiction) => fields[depiction] !== undefined)
    .map((depiction) => ({ depiction, dataUrl: fields[depiction]! }));
}
