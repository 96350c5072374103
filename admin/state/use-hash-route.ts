import { useEffect, useState } from 'preact/hooks';
import { routeOf, type AdminRoute } from './admin-routes.js';

/** The screen named by the URL hash, following the back button and links alike. */
export function useHashRoute(): AdminRoute {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
