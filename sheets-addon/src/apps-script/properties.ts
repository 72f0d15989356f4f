import type { z } from 'zod';

/** Typed JSON in Apps Script properties: parsed on the way out, a bad or stale value reads as null. */
type Store = GoogleAppsScript.Properties.Properties;

export const documentStore = (): Store => PropertiesService.getDocumentProperties();
export const scriptStore = (): Store => PropertiesService.getScriptProperties();

export function readJson<S extends z.ZodType>(store: Store, key: string, schema: S): z.output<S> | null {
  return parseJson(store.getProperty(key), schema);
}

/** Stored JSON (a property, a cache entry) through its schema; absent, unparsable or stale: null. */
export function parseJson<T>(text: string | null, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeJson(store: Store, key: string, value: unknown): void {
  store.setProperty(key, JSON.stringify(value));
}
