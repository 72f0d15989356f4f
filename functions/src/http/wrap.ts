import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { formatInt } from '../domain/format.js';
import { logs } from '../logs.js';
import { Problem, problems } from '../domain/problems.js';

/**
 * The one wrapper every HTTP function goes through: method, size and content-type limits,
 * Problems to their status, ZodError to a 400 naming the fields (in Vietnamese), anything else
 * to a 500 with a reference (stack to the log, never to the caller). Structural types keep
 * handlers independent of Express, firebase-functions and functions-framework, which all
 * satisfy them.
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
  /** Answer 503 after this long, well inside the function's timeout (the work may still finish: a retry is safe). */
  readonly deadlineMs?: number;
}

/** The default answer deadline: the short functions' 30 s timeout, less a margin. */
const DEFAULT_DEADLINE_MS = 25_000;

/** gRPC codes of a database that is away or contended: DEADLINE_EXCEEDED, ABORTED (“Transaction lock timeout”), UNAVAILABLE. */
const RETRYABLE_GRPC = new Set([4, 10, 14]);
const isRetryable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number' && RETRYABLE_GRPC.has(error.code);

class DeadlineExceeded extends Error {}

async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => { reject(new DeadlineExceeded(`no answer within ${ms} ms`)); }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** A handler answers the body of a success (200); every refusal is a thrown Problem. */
export type Handler = (req: HttpRequest) => Promise<unknown>;

export function header(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function problemBody(problem: Problem): Record<string, unknown> {
  return { error: { code: problem.code, message: problem.message }, ...problem.details };
}

/** `application/json` or `application/…+json`, with any parameters. */
const JSON_MEDIA_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

function bodySize(req: HttpRequest): number {
  if (req.rawBody) return req.rawBody.length;
  const declared = Number(header(req, 'content-length'));
  return Number.isFinite(declared) ? declared : 0;
}

/** What Cloud Functions (and functions-framework, and firebase-functions' onRequest) call. */
export type HttpHandler = (req: HttpRequest, res: HttpResponse) => Promise<void>;

export function httpFunction(options: HandlerOptions, handle: Handler): HttpHandler {
  return async (req: HttpRequest, res: HttpResponse): Promise<void> => {
    let reply: Reply;
    try {
      if (!options.methods.includes(req.method)) throw problems.methodNotAllowed(options.methods.join(', '));
      if (bodySize(req) > options.maxBodyBytes) throw problems.bodyTooLarge(Math.round(options.maxBodyBytes / 1_048_576));
      if ((req.rawBody?.length ?? 0) > 0 && !JSON_MEDIA_TYPE.test(header(req, 'content-type') ?? '')) {
        throw problems.badRequest('nội dung gửi lên phải là JSON (Content-Type: application/json)');
      }
      reply = { status: 200, body: await withinDeadline(handle(req), options.deadlineMs ?? DEFAULT_DEADLINE_MS) };
    } catch (error) {
      reply = toReply(options.name, error);
    }
    res.status(reply.status).set('Cache-Control', 'no-store').json(reply.body);
  };
}

/**
 * A scheduled job as Cloud Scheduler calls it at run time, the way firebase-functions' onSchedule
 * answers: 200 when it is done, 500 (so the scheduler retries) when it threw, stack to the log.
 */
export function scheduledFunction(name: string, job: () => Promise<void>): HttpHandler {
  return async (_req, res) => {
    try {
      await job();
      res.status(200).set('Cache-Control', 'no-store').json({ status: 'done' });
    } catch (error) {
      res.status(500).set('Cache-Control', 'no-store').json(toReply(name, error).body);
    }
  };
}

/** Paths named in a 400's message, and fields listed with it (a sheet of objects has thousands). */
const PATHS_IN_MESSAGE = 5;
const MAX_FIELDS = 20;

function toReply(fn: string, error: unknown): Reply {
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({ path: i.path.join('.') || '(gốc)', message: i.message }));
    const more = fields.length - PATHS_IN_MESSAGE;
    const paths = fields.slice(0, PATHS_IN_MESSAGE).map((f) => f.path).join(', ') + (more > 0 ? ` và ${formatInt(more)} chỗ khác` : '');
    error = problems.badRequest(`dữ liệu gửi lên không đúng cấu trúc (${paths})`, fields.slice(0, MAX_FIELDS));
  }
  if (error instanceof DeadlineExceeded || isRetryable(error)) {
    logs.databaseBusy({ fn, error: error instanceof Error ? error.message : String(error) });
    error = problems.busy();
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

/**
 * A request the platform refused before any handler ran: functions-framework's body parser
 * answers truncated or invalid JSON, unknown charsets and encodings with its own HTML page.
 * dev/serve.ts answers them with this instead, in the shape of every other problem.
 */
export function refusedBeforeHandler(fn: string, error: unknown): Reply {
  const field = (name: string): unknown => (typeof error === 'object' && error !== null && name in error ? Reflect.get(error, name) : undefined);
  const status = field('status');
  const type = field('type');
  if (typeof status !== 'number' || status < 400 || status >= 500) return toReply(fn, error);
  if (status === 413) {
    const limit = field('limit');
    return toReply(fn, problems.bodyTooLarge(typeof limit === 'number' ? Math.round(limit / 1_048_576) : 10));
  }
  const detail =
    type === 'entity.parse.failed'
      ? 'nội dung gửi lên không phải JSON hợp lệ (có thể đã bị cắt ngang khi gửi)'
      : type === 'charset.unsupported' || type === 'encoding.unsupported'
        ? 'nội dung gửi lên phải là JSON mã hóa UTF-8, không nén'
        : 'không đọc được nội dung gửi lên';
  return toReply(fn, problems.badRequest(detail));
}
