/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const usage = `Usage: openassure <command>

  serve                                   start the API server and a worker (default)
  worker                                  run a worker alone (verifications, notifications, expiry)
  migrate                                 bring the database schema up to date
  clients create --name NAME [--environment sandbox|live] [--json]
  clients list [--json]
  clients delete CLIENT_ID                delete a client and all its data
  clients retention CLIENT_ID DAYS|default  dossiers go DAYS after their final status (0: kept)
  keys rotate [--json]                    a new token signing key; the old one verifies until its tokens expire
  keys list [--json]                      the signing keys in the JWKS, and until when retired ones verify
  operators create --email EMAIL --role admin|reviewer|viewer [--clients ID,ID] [--json]
                                          a console operator, with a generated password
  operators list [--json]
  operators delete EMAIL
  operators reset-password EMAIL [--json] a new generated password; their sessions end
  mrz read IMAGE... [--json]              read the MRZ of document images
  face compare IMAGE IMAGE [--json]       compare the faces of two images
  face compare --pairs FILE [--json]      ... of each tab-separated pair of paths in FILE
  image check IMAGE... [--json]           resolution, blur, glare, black-and-white copy, face present
  chip verify DIR [--csca PATH] [--json] [--portrait FILE]
                                          passive and active authentication of chip files (sod.bin, dg1.bin, ...);
                                          --portrait writes the DG2 face (JPEG 2000 decoded to PNG)
  csca list [--csca PATH] [--json]        the CSCA certificates trusted (OPENASSURE_CSCA_PATH) and files refused

Settings come from the environment (PORT, HOST, OPENASSURE_DATA_DIR, DATABASE_URL, ...); see README.md.`;
