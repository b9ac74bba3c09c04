/**
 * The TypeScript types of the API, generated from its OpenAPI document by
 * openapi-typescript, as a client team would generate them. `test/client/anjian-api.ts`
 * holds the committed output; `generated-client.test.ts` fails when it is not current
 * (`UPDATE_OPENAPI_TYPES=1 npx vitest run packages/http/test/generated-client.test.ts`
 * rewrites it).
 */
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApi, ROUTES } from '../../src/index.js';

/** The document the generated client is made from: the route table under `/api`. */
export function clientDocument(): Record<string, unknown> {
  return buildOpenApi(ROUTES, '/api');
}

/** The generated module's text. */
export async function generateTypes(): Promise<string> {
  const ast = await openapiTS(clientDocument() as never, { silent: true });
  return `${astToString(ast)}`;
}
