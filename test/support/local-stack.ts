import { afterAll, beforeAll, inject } from 'vitest';
import { parseBlocConfig, type BlocConfig } from '../../functions/src/config/bloc-config.js';
import { applyBlocConfig } from '../../functions/src/config/apply-config.js';
import { startLocalStack, type LocalStack } from '../../functions/src/dev/local-stack.js';
import { setLogSink } from '../../functions/src/logs.js';

/**
 * The functions served over real HTTP against the shared emulator, in this file's own demo
 * project, with real signed ID tokens. `reset()` empties the project and re-applies the config.
 */
export interface StackHandle {
  readonly stack: LocalStack;
  readonly config: BlocConfig;
  post(fn: string, body: unknown, email?: string | null, init?: { token?: string; rawBody?: string }): Promise<{ status: number; json: unknown }>;
  reset(): Promise<void>;
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
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: init.rawBody ?? JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text === '' ? null : JSON.parse(text) };
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
