import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { logs } from '../logs.js';
import { Problem, problems } from './problems.js';

/**
 * The one wrapper every HTTP function goes through: method and size limits, Problems to
 * their status, ZodError to a 400 naming the fields, anything else to a 500 with a reference
 * (stack to the log, never to the caller). Structural types keep handlers independent of
 * Express, firebase-functions and functions-framework, which all satisfy them.
 */
export interface HttpRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body?: unknown;
  readonly rawBody?: Buffer;
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  set(field: string, value: string): HttpResponse;
  json(body: unknown): unknown;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

export interface HandlerOptions {
  readonly name: string;
  readonly methods: readonly string[];
  readonly maxBodyBytes: number;
}

export type Handler = (req: HttpRequest) => Promise<Reply>;

export function header(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function problemBody(problem: Problem): Record<string, unknown> {
  return { error: { code: problem.code, message: problem.message }, ...problem.details };
}

function bodySize(req: HttpRequest): number {
  if (req.rawBody) return req.rawBody.length;
  const declared = Number(header(req, 'content-length'));
  return Number.isFinite(declared) ? declared : 0;
}

export function httpFunction(options: HandlerOptions, handle: Handler) {
  return async (req: HttpRequest, res: HttpResponse): Promise<void> => {
    let reply: Reply;
    try {
      if (!options.methods.includes(req.method)) throw problems.methodNotAllowed(options.methods.join(', '));
      if (bodySize(req) > options.maxBodyBytes) throw problems.bodyTooLarge(Math.round(options.maxBodyBytes / 1_048_576));
      reply = await handle(req);
    } catch (error) {
      reply = toReply(options.name, error);
    }
    res.status(reply.status).set('Cache-Control', 'no-store').json(reply.body);
  };
}

function toReply(fn: string, error: unknown): Reply {
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    error = problems.badRequest(`dữ liệu gửi lên không đúng cấu trúc (${fields.map((f) => f.path || '(gốc)').join(', ')})`, fields);
  }
  if (error instanceof Problem) {
    logs.requestRefused({ fn, status: error.status, code: error.code });
    return { status: error.status, body: problemBody(error) };
  }
  const reference = randomUUID().slice(0, 8);
  const detail = error instanceof Error ? error : new Error(String(error));
  logs.unexpectedError({ fn, reference, error: detail.message, stack: detail.stack });
  return { status: 500, body: problemBody(problems.internal(reference)) };
}
