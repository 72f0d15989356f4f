import { createServer, type Server } from 'node:http';
import { http } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { httpHandlers, type FunctionName } from '../functions/handlers.js';

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
  const apps = new Map<string, Server>(names.map((name) => [name, getTestServer(name)]));
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
