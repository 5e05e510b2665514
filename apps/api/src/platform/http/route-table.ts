import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteInfo } from './types.js';

const isApiRoute = (url: string) => (url.startsWith('/api/') && !url.startsWith('/api/docs')) || url.startsWith('/open311/');

/**
 * Records every /api and /open311 route with what it declares, and refuses at boot one that declares neither `public`
 * nor a `permission`: a new route cannot forget to say who may call it. Register before the routes.
 */
export function registerRouteTable(app: FastifyInstance): void {
  app.decorate('routeTable', [] as RouteInfo[]);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = ([] as string[]).concat(route.method).filter((m) => m !== 'HEAD');
    if (methods.length === 0 || !isApiRoute(route.url)) return;
    const config = route.config as { public?: boolean; permission?: RouteInfo['permission'] } | undefined;
    if (!config?.public && !config?.permission) throw new Error(`route ${methods.join(',')} ${route.url} declares neither config.public nor config.permission`);
    const schema = (route.schema ?? {}) as RouteInfo['schema'];
    for (const method of methods) {
      app.routeTable.push({
        method,
        url: route.url,
        public: config.public === true,
        permission: config.permission ?? null,
        schema: { params: schema.params, querystring: schema.querystring, body: schema.body },
      });
    }
  });
}
