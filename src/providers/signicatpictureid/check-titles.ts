/** The vendor's title of each PictureID security check. */
export const checkTitles = {
  notTamperedDocument: 'Not tampered document',
  nonExpired: 'Document not expired',
  notUnderage: 'Not underage',
  notBlackAndWhite: 'Not black & white copy',
  dataIntegrity: 'Data integrity',
  sidesMatch: 'Front and back sides match',
  notFaceSpoofing: 'Not face spoofing',
};

export type CheckName = keyof typeof checkTitles;
