import { Type } from 'typebox';
import { algorithms, dataNodes, normalizations } from '../../matching/types.js';
import { providers, writtenValue } from '../../providers/registry.js';
import type { ProcessDataNode } from '../../providers/types.js';
import { StringEnum, Timestamp, Uuid } from './common.js';

/** Upstream limits configuration ids to 100 characters; they travel in the path, so no spaces or controls. */
const configurationId = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^[^\\s\\p{Cc}\\p{Cf}/]+$',
    description,
    examples: ['Configuration1'],
  });

export const ConfigurationIdParams = Type.Object({
  configurationId: configurationId('The id the client gave its matching configuration.'),
});

const FieldName = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, description, examples: ['firstName'] });

const normalizationText =
  'Applied to both values before comparing: none (as is), upper, clean (Latin script by ICAO 9303 Part 3, ' +
  'punctuation removed), cleanUpper, initialsUpper (first letters of the first two words), numeric ' +
  '(digits only; a date becomes YYYYMMDD).';
const algorithmText =
  'levenshtein: partial match when the similarity is above 90%; fuzzy: also when a word of one value ' +
  'is a word of the other.';
const normalization = (extra = '') => StringEnum(normalizations, { description: normalizationText + extra });
const algorithm = (extra = '') => StringEnum(algorithms, { description: algorithmText + extra });

const FieldConfigurationRequest = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'The key of this field in the match result.' }),
  sourceField: Type.Optional(FieldName('Field of the source node; default: the id. Dots reach nested fields.')),
  targetField: Type.Optional(FieldName('Field of the target node; default: the source field.')),
  normalization: Type.Optional(normalization(' Default: none.')),
  algorithm: Type.Optional(algorithm(' Default: levenshtein.')),
});

export const MatchingConfigurationRequest = Type.Object({
  fields: Type.Array(FieldConfigurationRequest, { minItems: 1, maxItems: 50 }),
});

const FieldConfiguration = Type.Object({
  id: Type.String(),
  sourceField: Type.String(),
  targetField: Type.String(),
  normalization: normalization(),
  algorithm: algorithm(),
});

export const MatchingConfigurationResponse = Type.Object({
  configuration: Type.Object({ fields: Type.Array(FieldConfiguration) }),
  id: Type.String({ maxLength: 100 }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const MatchingConfigurationList = Type.Array(MatchingConfigurationResponse);

/** The providers whose processes have a data node, e.g. `eid, signicatvideoid` for `ocr`. */
const providersWith = (node: ProcessDataNode) =>
  providers
    .filter((p) => p.matchingNodes?.[node])
    .map(writtenValue)
    .join(', ');

const dataNode = () =>
  StringEnum(dataNodes, {
    description:
      "userData: the dossier's user data (no processId); finalResult: a process's result; userInfo: the OIDC " +
      `claims of a ${providersWith('userInfo')} process; ocr: what a video identification (${providersWith('ocr')}) ` +
      'read on the document.',
  });

const MatchRequestComponent = Type.Object({
  processId: Type.Optional(Type.String({ maxLength: 64, description: 'Required unless dataNode is userData.' })),
  dataNode: dataNode(),
});

export const MatchRequest = Type.Object({
  source: MatchRequestComponent,
  target: MatchRequestComponent,
  configurationId: Type.Optional(
    configurationId('A matching configuration of the client; default: firstName, lastName, gender, dateOfBirth.'),
  ),
});

const MatchComponent = Type.Object({
  processId: Type.Optional(Type.String()),
  dataNode: dataNode(),
  updatedAt: Type.Optional(Timestamp),
});

const FieldMatchResult = Type.Object({
  sourceValue: Type.Optional(Type.String()),
  targetValue: Type.Optional(Type.String()),
  sourceNormalized: Type.Optional(Type.String()),
  targetNormalized: Type.Optional(Type.String()),
  editDistance: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Levenshtein distance of the normalized values.' }),
  ),
  error: Type.Optional(Type.String({ description: 'Why the field was not compared (both flags are then false).' })),
  algorithm: algorithm(),
  normalization: normalization(),
  exactMatch: Type.Boolean(),
  partialMatch: Type.Boolean(),
});

export const MatchResponse = Type.Object({
  dossierId: Uuid,
  createdAt: Timestamp,
  source: MatchComponent,
  target: MatchComponent,
  matchResult: Type.Record(Type.String(), FieldMatchResult, {
    description: 'One entry per configured field, keyed by the field id.',
  }),
});
