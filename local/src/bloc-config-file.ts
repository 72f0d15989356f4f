import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { BlocConfigError, parseBlocConfigData, type BlocConfig } from '../../functions/src/bloc-config/schema.js';

/**
 * The bloc configuration as a file (YAML, or JSON, which is YAML): read by the local tools
 * (`npm start --config`, scripts/apply-config.ts). The functions never parse YAML.
 */
/** Parses the text of a YAML or JSON file (JSON is YAML). `source` names the file in messages. */
export function parseBlocConfig(text: string, source = 'bloc config'): BlocConfig {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new BlocConfigError(
      source,
      doc.errors.map((e) => ({
        path: e.linePos ? `dòng ${e.linePos[0].line}, cột ${e.linePos[0].col}` : '(gốc)',
        message: `sai cú pháp YAML/JSON (syntax error): ${e.message.split(' at line ')[0] ?? e.message}`,
      })),
    );
  }
  return parseBlocConfigData(doc.toJS(), source);
}

export async function loadBlocConfig(path: string): Promise<BlocConfig> {
  return parseBlocConfig(await readFile(path, 'utf8'), path);
}

