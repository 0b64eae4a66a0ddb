import { Type } from 'typebox';
import { StringEnum, Timestamp, Uuid } from './common.js';

const text = (maxLength: number, description: string) => Type.Optional(Type.String({ maxLength, description }));

/** The user data fields. With `clearable`, every field also accepts "", which an update uses to remove it. */
function userDataSchema(clearable: boolean) {
  const orEmpty = (pattern: string) => (clearable ? `^(${pattern})?$` : `^${pattern}$`);
  const alpha3 = Type.Optional(Type.String({ pattern: orEmpty('[A-Z]{3}'), description: 'ISO 3166-1 alpha-3 code.' }));
  return Type.Object({
    firstName: Type.Optional(Type.String({ minLength: 0, maxLength: 64, description: 'Given name(s).' })),
    lastName: Type.Optional(Type.String({ minLength: 0, maxLength: 64, description: 'Surname(s).' })),
    gender: Type.Optional(StringEnum(clearable ? (['M', 'F', ''] as const) : (['M', 'F'] as const))),
    nationality: alpha3,
    dateOfBirth: Type.Optional(
      Type.String({ pattern: orEmpty('\\d{4}-\\d{2}-\\d{2}'), description: 'YYYY-MM-DD.', examples: ['1988-08-18'] }),
    ),
    personalIdentificationNumber: text(64, 'National identity number.'),
    placeOfBirth: text(128, 'Place of birth.'),
    mobile: text(32, 'Mobile phone number.'),
    email: text(254, 'Email address.'),
    address: Type.Optional(
      Type.Object({
        formatted: text(1024, 'Full mailing address.'),
        streetAddress: text(512, 'Street address.'),
        houseNumber: text(32, 'House number.'),
        locality: text(128, 'City or locality.'),
        region: text(128, 'State, province or region.'),
        postalCode: text(32, 'Postal code.'),
        country: alpha3,
      }),
    ),
  });
}

const UserData = userDataSchema(false);
export const UserDataRequest = Type.Object({ userData: Type.Optional(UserData) });
export const UserDataUpdateRequest = Type.Object({ userData: Type.Optional(userDataSchema(true)) });

export const UserDataResponse = Type.Object({
  dossierId: Uuid,
  userData: UserData,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
