import { afterAll, beforeAll, inject } from 'vitest';
import { type BlocConfig } from '../../../functions/src/bloc-config/schema.js';
import { parseBlocConfig } from '../../../local/src/bloc-config-file.js';
import { applyBlocConfig } from '../../../functions/src/bloc-config/apply.js';
import { startLocalStack, type LocalStack } from '../../../local/src/stack/local-stack.js';
import { setLogSink } from '../../../functions/src/logs.js';

/**
 * The functions served over real HTTP against the shared emulator, in this file's own demo
 * project, with real signed ID tokens. `reset()` empties the project and re-applies the config.
 */
export interface StackHandle {
  readonly stack: LocalStack;
  readonly config: BlocConfig;
  post(fn: string, body: unknown, email?: string | null, init?: PostInit): Promise<PostReply>;
  reset(): Promise<void>;
}

export interface PostInit {
  readonly token?: string;
  /** Sent as is instead of JSON.stringify(body) (truncated or invalid JSON). */
  readonly rawBody?: string;
  /** Replace or add request headers (e.g. another content-type). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PostReply {
  readonly status: number;
  /** The parsed JSON answer; null when the answer is empty or not JSON (see text). */
  readonly json: unknown;
  readonly text: string;
  readonly contentType: string | null;
}

export const TEST_AUDIENCE = 'test-client.apps.googleusercontent.com';

export function useLocalStack(projectId: `demo-${string}`, configYaml: string): StackHandle {
  let stack: LocalStack | undefined;
  const config = parseBlocConfig(configYaml, 'test config');
  const logLines: string[] = [];
  beforeAll(async () => {
    setLogSink((line) => logLines.push(line));
    const emulator = inject('firestoreEmulator');
    stack = await startLocalStack({ projectId, config, ...(emulator ? { emulator } : {}) });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  const ready = (): LocalStack => {
    if (!stack) throw new Error('local stack not started');
    return stack;
  };
  return {
    get stack() {
      return ready();
    },
    config,
    async post(fn, body, email = null, init = {}) {
      const s = ready();
      const token = init.token ?? (email ? await s.token(email) : undefined);
      const res = await fetch(`${s.baseUrl}/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
        body: init.rawBody ?? JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: parseJson(text), text, contentType: res.headers.get('content-type') };
    },
    async reset() {
      const s = ready();
      const url = `http://${s.hostPort}/emulator/v1/projects/${s.projectId}/databases/(default)/documents`;
      const res = await fetch(url, { method: 'DELETE' });
      if (!res.ok) throw new Error(`clear failed: ${res.status}`);
      await applyBlocConfig(s.db, config, { by: 'test' });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
