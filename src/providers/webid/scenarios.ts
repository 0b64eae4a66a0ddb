import type { Scenario, ScenarioMedia } from '../types.js';
import type { WebIdIdentResponse } from './raw.js';

/**
 * WebID sandbox scenarios. The first two are upstream's examples (a video call, and a self-service
 * identification backed by a bank transfer); the others vary them along WebID's two flags.
 */

const videoCall: ScenarioMedia = { depictions: ['front', 'back', 'selfie'], video: true };
const selfService: ScenarioMedia = { depictions: ['front', 'back', 'selfie'] };

/** Upstream's videoid example: Erica Mustermann, identified in a video call with her identity card. */
const identified: WebIdIdentResponse = {
  actionId: '165001703',
  transactionId: '2510b01d-bf91-45e4-aadd-c930cb1c1b09',
  actionType: 'pass',
  success: true,
  mismatch: false,
  responseType: 'ident',
  finishedOn: '2023-06-22T12:31:12+02:00',
  identMode: 'video_ident',
  identifiedOn: '2023-06-22T12:31:12+02:00',
  idDocument: {
    authority: 'Gemeinde Bad Lauchstädt',
    dateOfExpiry: '2027-08-23',
    dateOfIssue: '2017-08-24',
    documentType: 'Personalausweis',
    idNumber: 'PA9921465',
    mrz: 'PA9921465',
    nameAtBirth: 'Mustermann',
    nationality: 'DE',
    placeOfBirth: 'Hamburg',
  },
  user: {
    title: '',
    firstname: 'Erica',
    lastname: 'Mustermann',
    dateOfBirth: '1990-02-17',
    address: { street: '', addressLine1: '', addressLine2: '', region: '', zip: '', city: '', country: 'DE' },
    contact: { email: 'ericamustermann@example.com', mobile: '(0)30-23125 000' },
    gender: 'F',
  },
};

/** Upstream's accountid example: identified through a transfer from her bank account. */
const identifiedByBankAccount: WebIdIdentResponse = {
  actionId: '127046906',
  transactionId: '1a07334f-4191-40cf-b7d1-a38372df0aa2',
  actionType: 'pass',
  success: true,
  mismatch: false,
  responseType: 'ident',
  finishedOn: '2023-06-22T12:28:42+02:00',
  identMode: 'pay_ident',
  identifiedOn: '2023-06-22T12:28:42+02:00',
  idDocument: {
    authority: '',
    dateOfExpiry: '2027-08-23',
    dateOfIssue: '2017-08-24',
    documentType: 'Personalausweis',
    idNumber: 'abcdef',
    mrz: 'abc123',
    nameAtBirth: '',
    nationality: 'DE',
    placeOfBirth: 'Hamburg',
  },
  user: {
    title: '',
    firstname: 'Erica',
    lastname: 'Mustermann',
    dateOfBirth: '1990-02-17',
    address: { street: '', addressLine1: '', addressLine2: '', region: '', zip: '', city: '', country: '' },
    contact: { email: 'ericamustermann@mail.com', mobile: '(0)30-23125 000' },
    gender: 'F',
  },
  productInfos: { bankAccount: { iban: 'DE62888888880012345678' } },
};

/** A video call that ended without an identification: the agent declined it. */
const declined = (transactionId: string, rejectionReason: string, dateOfExpiry: string): WebIdIdentResponse => ({
  ...identified,
  actionId: '165001791',
  transactionId,
  success: false,
  finishedOn: '2023-06-22T12:44:05+02:00',
  identifiedOn: null,
  rejectionReason,
  idDocument: { ...identified.idDocument, dateOfExpiry },
});

export const scenarios: readonly Scenario[] = [
  {
    id: 'webid-accepted',
    description: 'Accepted: identified in a video call with her identity card (upstream videoid example).',
    raw: identified,
    media: videoCall,
  },
  {
    id: 'webid-accepted-bank-account',
    description: 'Accepted: identified by capture and a bank transfer (upstream accountid example).',
    processTypes: ['accountid'],
    raw: identifiedByBankAccount,
    media: selfService,
  },
  {
    id: 'webid-mismatch',
    description: 'Rejected: identified, but the agent confirmed a last name other than the one given.',
    raw: {
      ...identified,
      actionId: '165001788',
      transactionId: '82cdd53f-3bc0-4690-8968-fe47db44765e',
      mismatch: true,
      user: { ...identified.user, lastname: 'Schmidt' },
    } satisfies WebIdIdentResponse,
    media: videoCall,
  },
  {
    id: 'webid-declined',
    description: 'Rejected: the agent could not identify the user (success false).',
    raw: declined(
      '6819e3f2-62c6-4039-89ad-c4c31fe10ccf',
      'The person could not be matched to the ID document photo.',
      '2027-08-23',
    ),
    media: videoCall,
  },
  {
    id: 'webid-expired-document',
    description: 'Rejected: the identity card shown expired on 2022-08-23 (success false).',
    raw: declined('723bfb69-22c9-4121-b208-f1d36a949a2a', 'The ID document has expired.', '2022-08-23'),
    media: videoCall,
  },
];
