import { Type } from 'typebox';
import type { SessionView } from '../../capture/session-view.js';
import { StringEnum } from './common.js';

const Json = Type.Object({}, { additionalProperties: true });

export const ExchangeRequest = Type.Object({
  artifact: Type.String({ maxLength: 100, description: 'The token from the capture link (after #/artifact=).' }),
});

/** The end-user's session: described in docs/capture.md; the capture app is its only reader. */
export const SessionResponse = Type.Unsafe<SessionView>({
  ...Json,
  description: 'Where the capture stands and how the page should look: see docs/capture.md.',
});

export const DocumentChoice = Type.Object({
  documentType: Type.String({ maxLength: 60 }),
  documentCountry: Type.String({ maxLength: 4 }),
});

export const StepParams = Type.Object({ step: StringEnum(['front', 'back', 'selfie'] as const) });

export const UploadQuery = Type.Object({
  source: Type.Optional(
    StringEnum(['camera', 'upload'] as const, { description: 'How the image was taken (glare checks follow it).' }),
  ),
});

export const UploadResponse = Type.Object({
  accepted: Type.Boolean(),
  problems: Type.Array(Type.Object({ code: Type.String() })),
  attemptsLeft: Type.Integer(),
  session: SessionResponse,
});

export const VideoQuery = Type.Object({
  durationMs: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 600_000,
      description: 'How long the recording lasted, as the page measured it.',
    }),
  ),
});

export const VideoResponse = Type.Object({ session: SessionResponse });

export const RedirectResponse = Type.Object({ redirectUrl: Type.String() });

export const OutcomeRequest = Type.Object({ scenarioId: Type.String({ maxLength: 120 }) });

export const HandoverRequestBody = Type.Union([
  Type.Object({ mode: Type.Literal('qrCode') }),
  Type.Object({ mode: Type.Literal('sms'), phoneNumber: Type.String({ minLength: 3, maxLength: 32 }) }),
]);

export const HandoverResponse = Type.Object({
  url: Type.String(),
  qrSvg: Type.String({ description: 'An SVG document of the QR code of the url.' }),
  expiresAt: Type.String(),
});

export const FontParams = Type.Object({ index: Type.Integer({ minimum: 0, maximum: 63 }) });
