import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Checks a request body against the vendored subset of Discord's official OpenAPI spec. */
export type BodyValidator = (route: string, body: unknown) => string[];

const SUBSET = fileURLToPath(new URL('./discord-spec/openapi-subset.json', import.meta.url));

export function createOpenApiValidator(subsetPath = SUBSET): BodyValidator {
  const subset = JSON.parse(readFileSync(subsetPath, 'utf8')) as {
    routes: Record<string, unknown>;
    // biome-ignore lint/suspicious/noExplicitAny: JSON Schema documents, walked by ajv, not by us
    components: { schemas: Record<string, any> };
  };
  applySpecFixups(subset.components.schemas);
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addFormat('snowflake', /^(0|[1-9]\d*)$/);
  for (const loose of ['int32', 'int64', 'double', 'nonce']) ajv.addFormat(loose, true);
  ajv.addSchema({ $id: 'discord', components: subset.components });
  const compiled = new Map<string, ValidateFunction>();
  for (const [route, schema] of Object.entries(subset.routes)) {
    const rewritten = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', '"discord#/components/'),
    ) as object;
    compiled.set(route, ajv.compile(rewritten));
  }
  return (route, body) => {
    const validate = compiled.get(route);
    if (!validate) return [];
    return validate(body) ? [] : summarize(validate.errors ?? []);
  };
}

/**
 * Where the spec disagrees with Discord's documented (and discord.js's) behaviour. Each fix-up
 * widens one field, never more: permission bit sets are documented as strings ("?string").
 */
// biome-ignore lint/suspicious/noExplicitAny: reaches into the spec's nested schemas by known paths
function applySpecFixups(schemas: Record<string, any>): void {
  const field = schemas.ApplicationCommandUpdateRequest?.properties?.default_member_permissions;
  if (field) {
    schemas.ApplicationCommandUpdateRequest.properties.default_member_permissions = {
      anyOf: [field, { type: 'string', pattern: '^\\d+$' }],
    };
  }
}

/** oneOf/anyOf failures list every branch; keep the deepest, most specific lines. */
function summarize(errors: ErrorObject[]): string[] {
  const specific = errors.filter((e) => !['oneOf', 'anyOf', 'allOf', 'if'].includes(e.keyword));
  const deepest = Math.max(...specific.map((e) => e.instancePath.split('/').length), 0);
  const chosen = specific.filter((e) => e.instancePath.split('/').length >= deepest - 1);
  const lines = (chosen.length ? chosen : errors).map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
  return [...new Set(lines)].slice(0, 8);
}
