import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { httpHandlers, type FunctionName } from '../../../functions/src/functions/handlers.js';
import { refusedBeforeHandler } from '../../../functions/src/http/wrap.js';

/**
 * Serves every HTTP function on one loopback port through functions-framework (the same
 * Express stack Cloud Functions uses): `http://127.0.0.1:PORT/<name>`, as deployed functions
 * are `https://REGION-PROJECT.cloudfunctions.net/<name>`.
 */
export interface ServedFunctions {
  readonly baseUrl: string;
  close(): Promise<void>;
}

let registered = false;

export async function serveFunctions(port = 0): Promise<ServedFunctions> {
  const names = Object.keys(httpHandlers) as FunctionName[];
  if (!registered) {
    for (const name of names) http(name, httpHandlers[name]);
    registered = true;
  }
  const apps = new Map<string, Server>(names.map((name) => [name, answeringParserErrors(getTestServer(name), name)]));
  const server = createServer((req, res) => {
    const [, name = '', ...rest] = (req.url ?? '/').split('/');
    const app = apps.get(name.split('?')[0] ?? '');
    if (!app) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NOT_FOUND', message: `Không có chức năng “${name}”.` } }));
      return;
    }
    req.url = `/${rest.join('/')}`;
    app.emit('request', req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('functions server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => { resolve(); })),
  };
}

type ErrorHandler = (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
const isExpressApp = (listener: unknown): listener is { use(handler: ErrorHandler): unknown } =>
  typeof listener === 'function' && 'use' in listener && typeof listener.use === 'function';

/**
 * functions-framework parses the body before the function runs and answers a truncated or
 * invalid JSON body, or an unknown charset or encoding, with Express's HTML error page (with
 * the stack outside production). An Express error handler (four parameters) at the end of its
 * app answers those as every other problem is answered: JSON, catalogue code, Vietnamese.
 */
function answeringParserErrors(server: Server, fn: FunctionName): Server {
  const app = server.listeners('request')[0];
  if (!isExpressApp(app)) throw new Error('functions-framework no longer serves an Express app: cannot install the JSON error handler');
  app.use((error, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const reply = refusedBeforeHandler(fn, error);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(reply.body));
  });
  return server;
}
