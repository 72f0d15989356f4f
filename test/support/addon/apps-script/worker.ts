import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { AppsScriptEnvironment, type AddonCommands, type EnvironmentOptions } from '../apps-script-fakes.js';
import type { HttpExchange, HttpReply } from './services.js';

/**
 * Worker-thread side of apps-script-session.ts. The add-on runs here, synchronously, as in
 * Apps Script; UrlFetchApp.fetch posts the request to the main thread and blocks on
 * Atomics.wait until the main thread has done the real HTTP call and posted the reply.
 */
export interface WorkerInit {
  readonly options: Omit<EnvironmentOptions, 'transport'>;
  readonly fetchPort: MessagePort;
  readonly signal: Int32Array;
}
export type FetchAnswer = { readonly reply: HttpReply } | { readonly networkError: string };
export interface CommandMessage {
  readonly id: number;
  readonly command: keyof AddonCommands;
  readonly args: readonly unknown[];
}
export type CommandResult = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string; readonly stack: string };

const FETCH_TIMEOUT_MS = 60_000;

function isFetchAnswer(value: unknown): value is FetchAnswer {
  return typeof value === 'object' && value !== null && ('reply' in value || 'networkError' in value);
}

const init: WorkerInit = workerData;
const blockingFetch = (request: HttpExchange): HttpReply => {
  Atomics.store(init.signal, 0, 0);
  init.fetchPort.postMessage(request);
  if (Atomics.wait(init.signal, 0, 0, FETCH_TIMEOUT_MS) === 'timed-out') throw new Error(`Exception: Timeout: ${request.url}`);
  const answer = receiveMessageOnPort(init.fetchPort)?.message;
  if (!isFetchAnswer(answer)) throw new Error('no reply from the main thread');
  if ('networkError' in answer) throw new Error(`Exception: ${answer.networkError}`);
  return answer.reply;
};

const env = new AppsScriptEnvironment({ ...init.options, transport: blockingFetch });
const commands: AddonCommands = env;

parentPort?.on('message', (message: CommandMessage) => {
  let result: CommandResult;
  try {
    const value: unknown = Reflect.apply(commands[message.command], env, message.args);
    result = { id: message.id, ok: true, value };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    result = { id: message.id, ok: false, message: e.message, stack: e.stack ?? '' };
  }
  parentPort?.postMessage(result);
});
