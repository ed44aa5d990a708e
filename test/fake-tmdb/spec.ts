import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { PROJECT_ROOT } from '../../src/paths.ts';

/**
 * TMDB's OpenAPI description, read where the team keeps it (`../shared/tmdb/tmdb-api.json` beside
 * the repository) and never copied into it. Each answer of the local TMDB is checked against the
 * 200 response schema of its path.
 */
const TMDB_SPEC_PATH = join(PROJECT_ROOT, '..', 'shared', 'tmdb', 'tmdb-api.json');

export type ResponseValidator = (specPath: string, body: unknown) => string[];

export function createResponseValidator(specFile = TMDB_SPEC_PATH): ResponseValidator {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as {
    paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, { schema?: object }> }> } }>;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const compiled = new Map<string, ValidateFunction>();
  return (specPath, body) => {
    let validate = compiled.get(specPath);
    if (!validate) {
      const schema = spec.paths[specPath]?.get?.responses?.['200']?.content?.['application/json']?.schema;
      if (!schema) return [`${specPath} is not in TMDB's description`];
      validate = ajv.compile(schema);
      compiled.set(specPath, validate);
    }
    return validate(body)
      ? []
      : (validate.errors ?? []).slice(0, 5).map((e) => `${specPath} ${e.instancePath || '(body)'} ${e.message}`);
  };
}
