import express from 'express';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memoryAdapter from 'pouchdb-adapter-memory';

PouchDB.plugin(memoryAdapter);

/**
 * @typedef {(req: any, res: any, next: () => void) => void} Fault
 *   Runs before the server on every request: answer (to play a broken server) or call next().
 */

/**
 * A CouchDB-compatible server on 127.0.0.1 for tests and benchmarks: express-pouchdb on an
 * in-memory PouchDB, behind what a real deployment adds: Basic-auth logins (`_session`), CORS for
 * the extension's origin, and a hook to play a hostile or broken server. No external service.
 *
 * @param {{ users?: Record<string, string>, opaqueSeq?: boolean }} [options]
 */
export async function startCouchServer({
  users = { taiwa: 'secret-pass' },
  opaqueSeq = false,
} = {}) {
  // memdown keeps stores per name process-wide: a prefix keeps each server's databases its own.
  const Memory = PouchDB.defaults({ adapter: 'memory', prefix: `s${crypto.randomUUID()}-` });
  /** @type {Fault | null} */
  let fault = null;
  /** @type {{ method: string, path: string, size: number, ms: number }[]} */
  const requests = [];
  const app = express();

  app.use((/** @type {any} */ req, /** @type {any} */ res, /** @type {() => void} */ next) => {
    res.set({
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Headers': 'authorization, content-type, accept',
      'Access-Control-Allow-Methods': 'GET, PUT, POST, DELETE, HEAD',
      Vary: 'Origin',
    });
    if (req.method === 'OPTIONS') return res.status(204).end();
    const entry = {
      method: req.method,
      path: req.originalUrl,
      size: Number(req.headers['content-length'] ?? 0),
      ms: 0,
    };
    const start = performance.now();
    res.on('finish', () => (entry.ms = performance.now() - start));
    requests.push(entry);
    if (fault) return fault(req, res, next);
    next();
  });

  app.use((/** @type {any} */ req, /** @type {any} */ res, /** @type {() => void} */ next) => {
    if (req.method === 'GET' && req.path === '/') return next();
    const match = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [name, password] = match
      ? Buffer.from(match[1] ?? '', 'base64')
          .toString()
          .split(/:(.*)/s)
      : [];
    if (!name || users[name] !== password) {
      return res
        .status(401)
        .json({ error: 'unauthorized', reason: 'Name or password is incorrect.' });
    }
    if (req.path === '/_session') return res.json({ ok: true, userCtx: { name, roles: [] } });
    next();
  });

  if (opaqueSeq) {
    // CouchDB's sequences are opaque strings; the stand-in's are integers. This plays CouchDB.
    app.use((/** @type {any} */ req, /** @type {any} */ res, /** @type {() => void} */ next) => {
      if (!req.path.endsWith('/_changes')) return next();
      const since = String(req.query.since ?? '0');
      const inner = since === '0' ? '0' : (/^(\d+)-g1A/.exec(since)?.[1] ?? 'bad');
      if (inner === 'bad')
        return res.status(400).json({ error: 'bad_request', reason: 'Malformed since' });
      req.url = req.url.replace(/since=[^&]*/, `since=${inner}`);
      const send = res.send.bind(res);
      res.send = (/** @type {any} */ body) => {
        const text = Buffer.isBuffer(body) ? body.toString() : body;
        if (typeof text !== 'string' || !text.includes('last_seq')) return send(body);
        const parsed = JSON.parse(text);
        const opaque = (/** @type {unknown} */ seq) =>
          `${seq}-g1AAAABXeJzLYWBg4MhgTmHgz8tPSTV0MDQy1zMAQsMckEQiQ`;
        parsed.results?.forEach((/** @type {any} */ r) => (r.seq = opaque(r.seq)));
        parsed.last_seq = opaque(parsed.last_seq);
        return send(JSON.stringify(parsed));
      };
      next();
    });
  }

  app.use(
    '/',
    expressPouchDb(Memory, {
      mode: 'minimumForPouchDB',
      inMemoryConfig: true,
      logPath: '/dev/null',
    }),
  );

  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const sockets = new Set();
  server.on('connection', (/** @type {any} */ socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const url = `http://127.0.0.1:${server.address().port}`;

  return {
    url,
    requests,
    /** @param {Fault | null} next */
    setFault(next) {
      fault = next;
    },
    /** Every document the server holds in `db`, as stored (what an attacker on the server sees). */
    async rawDocs(/** @type {string} */ db) {
      const result = await new Memory(db).allDocs({ include_docs: true });
      return result.rows.map((/** @type {any} */ row) => row.doc);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
