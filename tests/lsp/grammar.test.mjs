// The VS Code extension's TextMate grammar (editors/vscode/syntaxes),
// tokenized by vscode-textmate with the Oniguruma engine VS Code uses:
// prompts and commands, boot system lines, BOOT variables, registers,
// verify results and hashes get their scopes; plain output gets none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const GRAMMAR = join(here, '..', '..', 'editors', 'vscode', 'syntaxes', 'ioscapture.tmLanguage.json');

async function loadGrammar() {
	const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
	await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
	const registry = new textmate.Registry({
		onigLib: Promise.resolve({
			createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
			createOnigString: (s) => new oniguruma.OnigString(s),
		}),
		loadGrammar: async (scope) => (scope === 'source.ioscapture'
			? textmate.parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR)
			: null),
	});
	return registry.loadGrammar('source.ioscapture');
}

const grammar = await loadGrammar();

// The innermost scope of each token's text on one line, without the root.
function scopes(line) {
	const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
	return tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.at(-1)])
		.filter(([, s]) => s !== 'source.ioscapture');
}

function expectScope(line, text, scope) {
	const found = scopes(line).find(([t]) => t === text);
	assert.ok(found, `"${text}" is not one token in ${JSON.stringify(scopes(line))}`);
	assert.equal(found[1], scope, `scope of "${text}" in "${line}"`);
}

const cases = [
	['a prompt and its command', 'NetsTuts_R1#show version', [
		['NetsTuts_R1', 'entity.name.section.hostname.ioscapture'],
		['#', 'punctuation.separator.prompt.ioscapture'],
		['show version', 'entity.name.function.command.ioscapture'],
	]],
	['a user-mode prompt', 'SW1>enable', [['SW1', 'entity.name.section.hostname.ioscapture'], ['enable', 'entity.name.function.command.ioscapture']]],
	['boot system typed in config mode', 'R1(config)#boot system flash:c2900-universalk9-mz.SPA.157-3.M8.bin', [
		['(config)', 'entity.name.tag.mode.ioscapture'],
		['boot system', 'keyword.other.boot-system.ioscapture'],
		[' flash:c2900-universalk9-mz.SPA.157-3.M8.bin', 'string.unquoted.boot-target.ioscapture'],
	]],
	['a boot system line of a config', 'boot system flash bootflash:isr4300-universalk9.16.09.06.SPA.bin', [
		['boot system', 'keyword.other.boot-system.ioscapture'],
	]],
	['no boot system', 'no boot system', [['no ', 'keyword.operator.negation.ioscapture'], ['boot system', 'keyword.other.boot-system.ioscapture']]],
	['the BOOT variable', 'BOOT variable = flash:c2960-lanbasek9-mz.152-7.E6.bin;', [
		['BOOT variable', 'keyword.other.boot-variable.ioscapture'],
		['flash:c2960-lanbasek9-mz.152-7.E6.bin;', 'string.unquoted.boot-target.ioscapture'],
	]],
	['the register in show version', 'Configuration register is 0x2142', [
		['Configuration register', 'keyword.other.register.ioscapture'],
		['0x2142', 'constant.numeric.register.ioscapture'],
	]],
	['the register at next reload', 'Configuration register is 0x2102 (will be 0x2142 at next reload)', [
		['0x2102', 'constant.numeric.register.ioscapture'],
		['0x2142', 'constant.numeric.register.ioscapture'],
	]],
	['config-register in a config', 'config-register 0x2102', [
		['config-register', 'keyword.other.config-register.ioscapture'],
		['0x2102', 'constant.numeric.register.ioscapture'],
	]],
	['a verify result', 'verify /md5 (flash:c2960x.bin) = 410db2a7015eaa42b1fe71f1bf3d59a2', [
		['verify /md5', 'keyword.other.verify.ioscapture'],
		['flash:c2960x.bin', 'string.unquoted.image.ioscapture'],
		['410db2a7015eaa42b1fe71f1bf3d59a2', 'constant.other.hash.ioscapture'],
	]],
	['an MD5 alone', 'Submitted signature = 56604f86ee9b096b3deb622b52062f6b', [
		['56604f86ee9b096b3deb622b52062f6b', 'constant.other.hash.md5.ioscapture'],
	]],
	['a SHA-512', `sha512 ${'ab12'.repeat(32)}`, [['ab12'.repeat(32), 'constant.other.hash.sha512.ioscapture']]],
	['an IOS error', '% Invalid input detected at \'^\' marker.', [
		['% Invalid input detected at \'^\' marker.', 'invalid.illegal.error.ioscapture'],
	]],
	['an image in a listing', '    2  -rwx    12582912   Mar 5 2026 09:31:10 +00:00  c2960-lanbasek9-mz.152-7.E6.bin', [
		['c2960-lanbasek9-mz.152-7.E6.bin', 'string.unquoted.image.ioscapture'],
	]],
];

for (const [name, line, want] of cases)
	test(`grammar: ${name}`, () => {
		for (const [text, scope] of want)
			expectScope(line, text, scope);
	});

test('grammar: plain output has no scope', () => {
	assert.deepEqual(scopes('Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8'), []);
	assert.deepEqual(scopes('64016384 bytes total (50511872 bytes free)'), []);
});
