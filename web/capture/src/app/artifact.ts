/** The single-use token of a capture link, `#/artifact=<token>`; in the fragment so it never reaches a log. */
export function readArtifact(hash: string): string | null {
  const match = /^#\/?artifact=([A-Za-z0-9_-]{16,256})$/.exec(hash);
  return match?.[1] ?? null;
}

/** Drops the token from the address, so a reload or a shared screenshot never carries it again. */
export function forgetArtifact(): void {
  history.replaceState(history.state, '', `${location.pathname}${location.search}#/`);
}
