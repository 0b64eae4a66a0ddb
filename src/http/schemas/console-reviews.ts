import { Type } from 'typebox';
import { acceptReasons, rejectReasons } from '../../review/reasons.js';
import { StringEnum, Timestamp, Uuid } from './common.js';

/** The console's review queue (an extension: not part of the upstream API; see docs/review.md). */

export const ReviewParams = Type.Object({ processId: Uuid });

const QueuedReview = Type.Object({
  processId: Type.String(),
  dossierId: Type.String(),
  clientId: Type.String(),
  clientName: Type.String(),
  provider: Type.String(),
  processType: Type.Union([Type.String(), Type.Null()]),
  queuedAt: Timestamp,
  waitingSeconds: Type.Integer({ minimum: 0 }),
  claimedBy: Type.Union([Type.String(), Type.Null()]),
  claimExpiresAt: Type.Union([Timestamp, Type.Null()]),
  approvals: Type.Array(Type.String(), { description: 'Reviewers who accepted it so far (four-eyes).' }),
});

export const ReviewQueue = Type.Array(QueuedReview, { description: 'Queued reviews, oldest first.' });

const Reason = Type.Object({ code: Type.String(), label: Type.String() });
export const ReviewReasons = Type.Object({ accept: Type.Array(Reason), reject: Type.Array(Reason) });

/** A case as the review page shows it (the process itself: GET /console/api/processes/:processId). */
export const ReviewDetail = Type.Object({
  ...QueuedReview.properties,
  extracted: Type.Record(Type.String(), Type.String(), {
    description: 'The fields the engines read, which a reviewer may correct.',
  }),
  selfieVideo: Type.Union([
    Type.Object({
      prompt: Type.String({
        description: 'What the person was asked to do: turnLeft, turnRight, lookUp, smile, blink.',
      }),
      video: Type.Union([
        Type.Object({
          contentType: Type.String(),
          size: Type.Integer(),
          durationMs: Type.Union([Type.Integer(), Type.Null()]),
        }),
        Type.Null(),
      ]),
    }),
    Type.Null(),
  ]),
  reasons: ReviewReasons,
  fourEyes: Type.Boolean({ description: "Whether the client's acceptances need two different reviewers." }),
});

export const ClaimResponse = Type.Object({ claimExpiresAt: Timestamp });

export const DecisionBody = Type.Object(
  {
    decision: StringEnum(['accept', 'reject'] as const),
    reason: StringEnum([...new Set([...acceptReasons, ...rejectReasons])], {
      description: 'A code from GET /console/api/reviews/reasons, for the decision given.',
    }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    corrections: Type.Optional(
      Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 200 }), {
        description: 'Corrected extracted fields (firstName, lastName, dateOfBirth, documentNumber, ...).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DecisionResponse = Type.Object({
  state: StringEnum(['decided', 'awaitingSecondApproval'] as const),
  status: Type.String({ description: "The process's status after the decision." }),
});
