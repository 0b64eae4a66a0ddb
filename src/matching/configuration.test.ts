import { describe, expect, it } from 'vitest';
import { resolveFields } from './configuration.js';

describe('resolveFields', () => {
  it('writes every default out: source field = id, target field = source field, none, levenshtein', () => {
    expect(resolveFields([{ id: 'firstName' }, { id: 'dob', sourceField: 'dateOfBirth', algorithm: 'fuzzy' }])).toEqual(
      {
        ok: true,
        fields: [
          {
            id: 'firstName',
            sourceField: 'firstName',
            targetField: 'firstName',
            normalization: 'none',
            algorithm: 'levenshtein',
          },
          {
            id: 'dob',
            sourceField: 'dateOfBirth',
            targetField: 'dateOfBirth',
            normalization: 'none',
            algorithm: 'fuzzy',
          },
        ],
      },
    );
  });

  it('refuses two fields with one id: the match result has one entry per id', () => {
    expect(resolveFields([{ id: 'a' }, { id: 'b' }, { id: 'a' }])).toEqual({
      ok: false,
      problems: ['body.fields.2.id "a" is used by an earlier field.'],
    });
  });
});
