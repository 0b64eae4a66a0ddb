import { Type } from 'typebox';
import { watermarkTextLimits } from '../../watermark/text.js';
import { StringEnum, Uuid } from './common.js';

/** The text of the mark. Upstream requires all three fields; the lengths are ours (see watermark/text.ts). */
const Watermark = Type.Object({
  title: Type.String({
    minLength: 1,
    maxLength: watermarkTextLimits.title,
    pattern: '\\S',
    description: 'Who asked for the image.',
    examples: ['MyCompany'],
  }),
  description: Type.String({
    minLength: 1,
    maxLength: watermarkTextLimits.description,
    pattern: '\\S',
    description: 'Why the image was requested.',
    examples: ['Loan'],
  }),
  date: Type.String({
    pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
    description: 'Date of the request (YYYY-MM-DD).',
    examples: ['2024-01-10'],
  }),
});

export const WatermarkRequest = Type.Object({
  image: Type.Optional(
    // No maxLength: the route's body limit bounds the text, and an image over 4 MB is a 413 saying so.
    Type.String({
      description:
        'The image to watermark as a data URL (data:image/jpeg;base64,... or data:image/png;base64,...): at most 4 MB, at most 5000 px and at least 250x120 px.',
    }),
  ),
  dossierId: Type.Optional(Uuid),
  processId: Type.Optional(Uuid),
  imageDepiction: Type.Optional(
    StringEnum(['front', 'selfie', 'portrait'] as const, {
      description: 'Which image of the process to watermark (portrait: providers that read one).',
    }),
  ),
  watermark: Watermark,
});

/** The 200 answer: the watermarked image, in the format of the input. */
export const watermarkedImageResponse = {
  description: 'The watermarked image, in the same format (JPEG or PNG) and size as the input.',
  content: { 'application/octet-stream': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } },
};
