// The values the console's filters offer. The server is the authority (it refuses anything else); these
// lists only save the operator typing.

export const STATUSES = ['pending', 'processing', 'accepted', 'rejected', 'inconclusive', 'canceled', 'failed'];

export const PROVIDERS = [
  'connect',
  'eid',
  'facetec',
  'onfido',
  'readid',
  'signicatpaper',
  'signicatpictureid',
  'signicatvideoid',
  'webid',
];

export const AUDIT_ACTIONS = [
  'session.signIn',
  'session.signInFailed',
  'session.signOut',
  'process.view',
  'review.claim',
  'review.decide',
  'client.create',
  'client.rotateSecret',
  'client.delete',
  'client.settings',
  'delivery.redeliver',
  'operator.create',
  'operator.delete',
  'operator.resetPassword',
  'totp.enroll',
];
