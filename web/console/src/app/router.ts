import { useEffect, useState } from 'preact/hooks';

/** The pages of the console; each is `#/<page>` or `#/<page>/<id>`. */
export type Route =
  | { page: 'overview' }
  | { page: 'search' }
  | { page: 'process'; id: string }
  | { page: 'dossier'; id: string }
  | { page: 'reviews' }
  | { page: 'review'; id: string }
  | { page: 'webhooks' }
  | { page: 'clients' }
  | { page: 'operators' }
  | { page: 'audit' }
  | { page: 'notFound' };

const LIST_PAGES = ['overview', 'search', 'reviews', 'webhooks', 'clients', 'operators', 'audit'] as const;
const ID_PAGES = ['process', 'dossier', 'review'] as const;

export function parseRoute(hash: string): Route {
  const [page = '', id, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (page === '' && id === undefined) return { page: 'overview' };
  if (rest.length === 0 && id === undefined) {
    const list = LIST_PAGES.find((name) => name === page);
    if (list) return { page: list };
  }
  if (rest.length === 0 && id) {
    const detail = ID_PAGES.find((name) => name === page);
    if (detail) return { page: detail, id: decodeURIComponent(id) };
  }
  return { page: 'notFound' };
}

/** The link to a page, for `href`. */
export function href(page: string, id?: string): string {
  return id === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(id)}`;
}

/** The current route; changes with the hash (links, back and forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
