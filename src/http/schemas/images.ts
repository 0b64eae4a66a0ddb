import { Type } from 'typebox';
import { StringEnum } from './common.js';
import { depictions } from '../../core/domain.js';

// No maxLength: the route's body limit bounds the text, and an image over 4 MB is a 413 that says so,
// not a schema message counting characters.
const dataUrl = (what: string) =>
  Type.String({
    description: `${what} as a data URL (data:image/jpeg;base64,... or data:image/png;base64,...), at most 4 MB and 5000 px on a side.`,
  });

export const UploadImageRequest = Type.Object({
  front: Type.Optional(dataUrl('Front of the identity document')),
  back: Type.Optional(dataUrl('Back of the identity document')),
  selfie: Type.Optional(dataUrl('Selfie of the end-user')),
  portrait: Type.Optional(dataUrl('Portrait from the identity document (providers that take one)')),
});

export const FileRequest = Type.Object({
  front: Type.Optional(dataUrl('Front of the identity document')),
  back: Type.Optional(dataUrl('Back of the identity document')),
  selfie: Type.Optional(dataUrl('Selfie of the end-user')),
  processId: Type.Optional(
    Type.String({ maxLength: 64, description: 'Copy the images of this process of the dossier.' }),
  ),
});

export const ProcessImageQuery = Type.Object({ depiction: StringEnum(depictions) });
export const FileQuery = Type.Object({ depiction: StringEnum(['front', 'back', 'selfie'] as const) });
