import { createServer } from 'node:http';

/**
 * @typedef {{ status?: number, type?: string, body: string | (() => string), delayMs?: number, headers?: Record<string, string> }} Route
 */

/**
 * A calendar feed server on 127.0.0.1 for tests and the benchmark: serves what a test sets per
 * path, allows every origin by CORS (as the test contract's servers do), and can play a broken
 * or slow server. No external service.
 */
export async function startIcsServer() {
  /** @type {Map<string, Route>} */
  const routes = new Map();
  /** @type {string[]} */
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const send = () => {
      const body = typeof route.body === 'function' ? route.body() : route.body;
      res.writeHead(route.status ?? 200, {
        'Content-Type': route.type ?? 'text/calendar; charset=UTF-8',
        ...route.headers,
      });
      res.end(body);
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    /** @param {string} path @param {Route} route */
    serve(path, route) {
      routes.set(path, route);
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
