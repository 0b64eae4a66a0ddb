import { describe, expect, it } from 'vitest';
import { matchField, matchFields, maxComparedLength } from './compare-field.js';
import { defaultConfiguration } from './default-configuration.js';
import type { FieldConfiguration, NodeValues } from './types.js';

const node = (values: Record<string, unknown>): NodeValues => ({ available: true, values });
const firstName: FieldConfiguration = {
  id: 'firstName',
  sourceField: 'firstName',
  targetField: 'given_name',
  normalization: 'cleanUpper',
  algorithm: 'fuzzy',
};

describe('matchField', () => {
  it('reports both values, their normalized forms, the distance and the flags', () => {
    expect(matchField(firstName, node({ firstName: 'John' }), node({ given_name: 'John Michael' }))).toEqual({
      sourceValue: 'John',
      targetValue: 'John Michael',
      sourceNormalized: 'JOHN',
      targetNormalized: 'JOHN MICHAEL',
      editDistance: 8,
      algorithm: 'fuzzy',
      normalization: 'cleanUpper',
      exactMatch: false,
      partialMatch: true,
    });
  });

  it('says which side lacks the field, keeping the value of the other side', () => {
    const result = matchField(firstName, node({ firstName: 'John' }), node({}));
    expect(result).toMatchObject({ sourceValue: 'John', error: 'Field not present in target.', exactMatch: false });
    expect(result).not.toHaveProperty('editDistance');
    expect(matchField(firstName, node({}), node({})).error).toBe('Field not present in source/target.');
  });

  it('gives the reason when a whole side has no data', () => {
    const none: NodeValues = { available: false, reason: 'the dossier has no user data' };
    expect(matchField(firstName, none, node({ given_name: 'John' })).error).toBe(
      'Field not present in source: the dossier has no user data.',
    );
  });

  it('does not compare objects, values empty after normalization, or overly long values', () => {
    expect(matchField(firstName, node({ firstName: { a: 1 } }), node({ given_name: 'J' })).error).toBe(
      'Field firstName in source is not a text value.',
    );
    expect(matchField(firstName, node({ firstName: '...' }), node({ given_name: 'J' })).error).toMatch(
      /empty after the cleanUpper normalization/,
    );
    const long = 'A'.repeat(maxComparedLength + 1);
    expect(matchField(firstName, node({ firstName: long }), node({ given_name: 'J' })).error).toMatch(/longer than/);
  });
});

describe('the default configuration', () => {
  it('reads OIDC claims from a userInfo and Assure names elsewhere', () => {
    const fields = defaultConfiguration('userData', 'userInfo');
    expect(fields.map((f) => [f.id, f.sourceField, f.targetField])).toEqual([
      ['firstName', 'firstName', 'given_name'],
      ['lastName', 'lastName', 'family_name'],
      ['gender', 'gender', 'gender'],
      ['dateOfBirth', 'dateOfBirth', 'birthdate'],
    ]);
  });

  it('matches a document against the user data as upstream shows it', () => {
    const result = matchFields(
      defaultConfiguration('userData', 'ocr'),
      node({ firstName: 'John', lastName: 'McClane', gender: 'M', dateOfBirth: '1988-08-18' }),
      node({ firstName: 'JOHN MICHAEL', lastName: 'MCCLANE', gender: 'male', dateOfBirth: '25.04.1983' }),
    );
    expect(result.firstName).toMatchObject({ exactMatch: false, partialMatch: true });
    expect(result.lastName).toMatchObject({ sourceNormalized: 'MCCLANE', exactMatch: true, editDistance: 0 });
    expect(result.gender).toMatchObject({ sourceNormalized: 'M', targetNormalized: 'M', exactMatch: true });
    expect(result.dateOfBirth).toMatchObject({
      sourceNormalized: '19880818',
      targetNormalized: '19830425',
      editDistance: 4,
      partialMatch: false,
    });
  });
});
