// Validate a SARIF file against the official SARIF 2.1.0 JSON schema.
//
//   node tests/sarif/validate.mjs FILE.sarif [SCHEMA.json]
//
// The schema is draft-04, which Ajv 8 only reads through ajv-draft-04;
// ajv-formats checks the "uri", "uri-reference" and "date-time" formats the
// schema uses (plain Ajv would refuse to compile it without them).
// Schema: the second argument, else $IOSPLAN_SARIF_SCHEMA, else the official
// schema kept beside this script (sarif-schema-2.1.0.json, see its NOTICE).
// Exit 0 valid, 1 invalid (errors on stderr), 2 usage or unreadable input.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));

function readJson(path, what) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		console.error(`validate.mjs: cannot read ${what} ${path}: ${e.message}`);
		process.exit(what === 'SARIF file' ? 1 : 2);
	}
}

const [file, schemaArg] = process.argv.slice(2);
if (!file) {
	console.error('usage: node validate.mjs FILE.sarif [SCHEMA.json]');
	process.exit(2);
}
const schemaPath = schemaArg || process.env.IOSPLAN_SARIF_SCHEMA ||
	resolve(here, 'sarif-schema-2.1.0.json');

const schema = readJson(schemaPath, 'schema');
const doc = readJson(file, 'SARIF file');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
if (validate(doc)) {
	console.log(`${file}: valid SARIF 2.1.0`);
	process.exit(0);
}
for (const e of validate.errors)
	console.error(`${file}: ${e.instancePath || '/'}: ${e.message}` +
		(e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''));
process.exit(1);
