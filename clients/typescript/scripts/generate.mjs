// Reads the CMS's OpenAPI document on stdin and writes its TypeScript types to the given file.
// `npm run generate` feeds it the document built from the running code; the CI test feeds it
// the same document and compares the result with the committed src/schema.ts.
import { writeFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import openapiTS, { astToString } from "openapi-typescript";

const output = process.argv[2];
if (!output) {
  console.error("usage: node scripts/generate.mjs OUTPUT.ts < openapi.json");
  process.exit(2);
}
const document = JSON.parse(await text(process.stdin));
const ast = await openapiTS(document, {
  // Every documented field is present in an answer unless `fields=` removed it.
  alphabetize: false,
  // A body block's object never carries more than its schema lists.
  additionalProperties: false,
});
const header =
  "// Generated from the CMS's OpenAPI document (/api/v2/schema/) by openapi-typescript.\n" +
  "// Do not edit: run `npm run generate` in clients/typescript.\n\n";
writeFileSync(output, header + astToString(ast));
