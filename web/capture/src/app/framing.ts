/**
 * A first load inside a frame is served with `frame-ancestors *`: before the link is exchanged the server
 * cannot know whose frame it is. So once the exchange succeeds, a framed page reloads itself before it shows
 * any control; the reloaded page carries the session's own `frame-ancestors` (the flow's requestDomain, or
 * none), which the browser enforces. The token is gone from the address by then, so this happens once.
 */
export function reloadIfFramed(): boolean {
  if (window.self === window.top) return false;
  location.reload();
  return true;
}
