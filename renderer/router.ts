import { useEffect, useState } from 'react';

/** Hash routes (#/events/abc): the page is a file in the desktop app, so there is no server path. */
export function currentRoute(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export function navigate(route: string): void {
  window.location.hash = route;
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** '/events/abc' matched against '/events/:id' gives { id: 'abc' }; no match gives null. */
export function matchRoute(pattern: string, route: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = route.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}
