/**
 * Refreshes openapi-subset.json from Discord's official OpenAPI spec (MIT, see LICENSE here):
 *   npx tsx src/dev/fake-discord/discord-spec/vendor.ts [path/to/openapi.json]
 * Keeps the request bodies of the routes the bot calls and every schema they reference.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VENDORED_ROUTES = [
  'POST /interactions/{interaction_id}/{interaction_token}/callback',
  'POST /webhooks/{webhook_id}/{webhook_token}',
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
  'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
  'PUT /applications/{application_id}/commands',
  'PUT /applications/{application_id}/guilds/{guild_id}/commands',
  'POST /channels/{channel_id}/messages',
  'PATCH /channels/{channel_id}/messages/{message_id}',
  'POST /guilds/{guild_id}/scheduled-events',
] as const;

type Json = { [key: string]: unknown };

function vendor(specPath: string): Json {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as {
    info: Json;
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, unknown> };
  };
  const routes: Record<string, unknown> = {};
  const needed = new Set<string>();
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const name = value.replace('#/components/schemas/', '');
          if (!needed.has(name)) {
            needed.add(name);
            collect(spec.components.schemas[name]);
          }
        } else collect(value);
      }
    }
  };
  for (const route of VENDORED_ROUTES) {
    const [method, path] = route.split(' ') as [string, string];
    const content = (
      spec.paths[path]?.[method.toLowerCase()]?.requestBody as
        | { content?: Record<string, { schema: unknown }> }
        | undefined
    )?.content;
    const schema = content?.['application/json']?.schema;
    if (!schema) throw new Error(`${route}: no application/json request body in the spec`);
    routes[route] = schema;
    collect(schema);
  }
  const schemas = Object.fromEntries([...needed].sort().map((name) => [name, spec.components.schemas[name]]));
  return {
    source:
      'Discord official OpenAPI spec (github.com/discord/discord-api-spec), MIT licence: see LICENSE beside this file',
    version: spec.info.version,
    routes,
    components: { schemas },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source =
    process.argv[2] ?? fileURLToPath(new URL('../../../../../shared/discord/openapi.json', import.meta.url));
  const out = fileURLToPath(new URL('./openapi-subset.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(vendor(source))}\n`);
  console.log(`wrote ${out}`);
}
