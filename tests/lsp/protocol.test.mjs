// `iosplan lsp` driven by a real JSON-RPC client (vscode-languageserver-
// protocol): life cycle, diagnostics against `iosplan lint`, UTF-16
// positions, full and incremental sync, hover, code actions and commands,
// settings, malformed input, huge messages, shutdown. Every test also
// checks that the server wrote nothing but protocol frames to stdout.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { BIN, Server, readSample, sample, uriOf, waitFor } from './client.mjs';

const REGISTER = 'traps/register-2142.log';
// The config-register finding: line 62, "0x2142" at columns 27-32.
const REGISTER_RANGE = { start: { line: 61, character: 26 }, end: { line: 61, character: 32 } };

async function withServer(fn, { args = [], init = {}, caps = {}, env = {} } = {}) {
	const s = new Server(args, env);
	try {
		await s.initialize(init, caps);
		await fn(s);
	} finally {
		const code = await s.stop();
		assert.deepEqual(s.raw.errors, [], 'stdout held something that is not a protocol frame');
		assert.equal(code, 0, `server exit code (stderr: ${s.stderr})`);
	}
}

const codesAndLines = (diags) => diags.map((d) => `${d.code}@${d.range.start.line}`).sort();

test('initialize answers the capabilities', async () => {
	const s = new Server();
	const r = await s.initialize();
	const c = r.capabilities;
	assert.equal(c.positionEncoding, 'utf-16');
	assert.equal(c.textDocumentSync.change, 2, 'incremental sync');
	assert.equal(c.textDocumentSync.openClose, true);
	assert.equal(c.hoverProvider, true);
	assert.deepEqual(c.codeActionProvider.codeActionKinds, ['quickfix', 'source.iosplan.showPlan']);
	assert.deepEqual(c.executeCommandProvider.commands, ['iosplan.showPlan', 'iosplan.explainRule']);
	assert.equal(r.serverInfo.name, 'iosplan');
	await assert.rejects(s.request('initialize', { capabilities: {} }), { code: -32600 });
	assert.equal(await s.stop(), 0);
});

test('a request before initialize is -32002 and notifications are dropped', async () => {
	const s = new Server();
	await assert.rejects(s.request('textDocument/hover', {}), { code: -32002 });
	await s.notify('textDocument/didOpen', {
		textDocument: { uri: uriOf(sample(REGISTER)), languageId: 'ioscapture', version: 1, text: readSample(REGISTER) },
	});
	await s.initialize();
	const hover = await s.request('textDocument/hover', {
		textDocument: { uri: uriOf(sample(REGISTER)) }, position: REGISTER_RANGE.start,
	});
	assert.equal(hover, null, 'the didOpen before initialize was not kept');
	assert.equal(s.diagnostics.size, 0);
	assert.equal(await s.stop(), 0);
});

test('the register finding: code, range, severity and a rule page that exists', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		const p = await s.open(uri, readSample(REGISTER));
		assert.equal(p.version, 1);
		assert.equal(p.diagnostics.length, 1);
		const d = p.diagnostics[0];
		assert.equal(d.code, 'config-register');
		assert.equal(d.source, 'iosplan');
		assert.equal(d.severity, 1);
		assert.deepEqual(d.range, REGISTER_RANGE);
		assert.match(d.message, /0x2142/);
		assert.match(d.codeDescription.href, /^file:\/\/\/.*config-register\.md$/);
		const page = readFileSync(fileURLToPath(d.codeDescription.href), 'utf8');
		assert.match(page, /^# config-register/);
	});
});

// Every sample, against `iosplan lint --format json` on the same file.
test('diagnostics of every sample are the findings of iosplan lint', async () => {
	const files = [];
	for (const dir of ['', 'traps', 'bare'])
		for (const f of readdirSync(sample(dir)))
			if (/\.(log|txt|cfg)$/.test(f))
				files.push(join(dir, f));
	assert.ok(files.length >= 10, `found ${files.length} samples`);
	await withServer(async (s) => {
		for (const f of files) {
			const r = spawnSync(BIN, ['lint', '--format', 'json', sample(f)], { encoding: 'utf8' });
			assert.ok(r.status === 0 || r.status === 1, `${f}: lint exit ${r.status}: ${r.stderr}`);
			const want = JSON.parse(r.stdout).devices.flatMap((d) => d.findings)
				.filter((x) => x.location)
				.map((x) => `${x.rule}@${x.location.line - 1}:${x.location.col - 1}-${x.location.end_line - 1}:${x.location.end_col - 1}`)
				.sort();
			const p = await s.open(uriOf(sample(f)), readSample(f));
			const got = p.diagnostics.filter((d) => d.code)
				.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`)
				.sort();
			assert.deepEqual(got, want, f);
		}
	});
});

// Issue 19: a boot entry that differs from the listing only in letter case
// gets the model's one answer (missing, under its exact case policy) from
// every rule, in the editor as on the command line.
test('the letter-case capture: the diagnostics are those of lint, and agree', async () => {
	const f = sample(join('..', 'tests', 'model', 'letter-case.log'));
	const r = spawnSync(BIN, ['lint', '--format', 'json', f], { encoding: 'utf8' });
	assert.equal(r.status, 1, r.stderr);
	const want = JSON.parse(r.stdout).devices.flatMap((d) => d.findings)
		.filter((x) => x.location).map((x) => `${x.rule}@${x.location.line - 1}`).sort();
	await withServer(async (s) => {
		const p = await s.open(uriOf(f), readFileSync(f, 'utf8'));
		assert.deepEqual(codesAndLines(p.diagnostics.filter((d) => d.code)), want);
		assert.deepEqual(want, ['alphabetical-boot@69', 'boot-fallback@79', 'boot-missing-file@79']);
	});
});

// The same capture with file_name_case: fold (its configuration given in the
// settings, as --config on the command line): the entry names the listed
// file, so only boot-fallback is left, as lint says with that configuration.
test('the letter-case capture under file_name_case: fold agrees with lint', async () => {
	const f = sample(join('..', 'tests', 'model', 'letter-case.log'));
	const config = sample(join('..', 'tests', 'model', 'fold.yaml'));
	const r = spawnSync(BIN, ['lint', '--format', 'json', '--config', config, f], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr); // a warning only: no error left
	const want = JSON.parse(r.stdout).devices.flatMap((d) => d.findings)
		.filter((x) => x.location).map((x) => `${x.rule}@${x.location.line - 1}`).sort();
	await withServer(async (s) => {
		const p = await s.open(uriOf(f), readFileSync(f, 'utf8'));
		assert.deepEqual(codesAndLines(p.diagnostics.filter((d) => d.code)), want);
		assert.deepEqual(want, ['boot-fallback@79']);
	}, { init: { initializationOptions: { config } } });
});

test('UTF-16 columns: a boot file name with é and an emoji', async () => {
	await withServer(async (s) => {
		const text = readSample('traps/missing-boot-file.log').replaceAll('c2900-universalk9-mz.SPA.157-3.M8.bin', 'c2900-é😀-x.bin');
		const uri = 'file:///tmp/iosplan-utf16.ios';
		const p = await s.open(uri, text);
		const d = p.diagnostics.find((x) => x.code === 'boot-missing-file');
		assert.ok(d, JSON.stringify(p.diagnostics));
		// "boot system flash0:c2900-é😀-x.bin": 12 + 7 + 6 + 1 + 2 + 6 units
		assert.deepEqual(d.range, { start: { line: 22, character: 12 }, end: { line: 22, character: 34 } });
		assert.match(d.message, /c2900-é😀-x\.bin/);
		// An incremental edit after the emoji, in UTF-16 units: x -> y.
		const q = await s.change(uri, 2, [{ range: { start: { line: 22, character: 29 }, end: { line: 22, character: 30 } }, text: 'y' }]);
		const e = q.diagnostics.find((x) => x.code === 'boot-missing-file' && x.range.start.line === 22);
		assert.match(e.message, /startup-config entry flash0:c2900-é😀-y\.bin/);
		assert.deepEqual(e.range.end, { line: 22, character: 34 });
		// the running-config's line 19 was not touched
		const r = q.diagnostics.find((x) => x.code === 'boot-missing-file' && x.range.start.line === 18);
		assert.match(r.message, /running-config entry flash0:c2900-é😀-x\.bin/);
	});
});

test('a lone CR splits the line for the editor: the range follows', async () => {
	await withServer(async (s) => {
		const text = readSample(REGISTER).replace('Configuration register is 0x2142', ' --More-- \rConfiguration register is 0x2142');
		const p = await s.open('untitled:cr-capture', text);
		const d = p.diagnostics.find((x) => x.code === 'config-register');
		assert.ok(d, JSON.stringify(p.diagnostics));
		assert.deepEqual(d.range, { start: { line: 62, character: 26 }, end: { line: 62, character: 32 } });
	});
});

test('incremental and full changes: the diagnostic goes and comes back', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		await s.open(uri, readSample(REGISTER));
		let p = await s.change(uri, 2, [{ range: REGISTER_RANGE, text: '0x2102' }]);
		assert.equal(p.version, 2);
		assert.deepEqual(p.diagnostics, []);
		// several changes in one notification apply in order
		p = await s.change(uri, 3, [
			{ range: REGISTER_RANGE, text: '0x2142' },
			{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '! a note\r\n! two\n' },
		]);
		assert.deepEqual(p.diagnostics.map((d) => d.range.start.line), [63]);
		p = await s.change(uri, 4, [{ text: readSample(REGISTER) }]);
		assert.deepEqual(p.diagnostics.map((d) => d.range), [REGISTER_RANGE]);
		await s.notify('textDocument/didClose', { textDocument: { uri } });
		const closed = await waitFor('diagnostics cleared', () => s.diagnostics.get(uri).at(-1).diagnostics.length === 0);
		assert.ok(closed);
	});
});

test('hover: the rule on a flagged line, the simulator on a boot line, nothing elsewhere', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		await s.open(uri, readSample(REGISTER));
		const h = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 61, character: 28 } });
		assert.equal(h.contents.kind, 'markdown');
		assert.match(h.contents.value, /\*\*config-register\*\* \(error\)/);
		assert.match(h.contents.value, /config-register 0x2102/, 'the concrete fix');
		assert.match(h.contents.value, /Why it matters: /);
		assert.match(h.contents.value, /\[Rule page\]\(file:\/\//);
		assert.deepEqual(h.range, REGISTER_RANGE);
		assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
		assert.equal(await s.request('textDocument/hover', { textDocument: { uri: 'file:///not/open.ios' }, position: { line: 0, character: 0 } }), null);

		const boot = uriOf(sample('traps/missing-boot-file.log'));
		await s.open(boot, readSample('traps/missing-boot-file.log'));
		const b = await s.request('textDocument/hover', { textDocument: { uri: boot }, position: { line: 22, character: 20 } });
		assert.match(b.contents.value, /\*\*boot-missing-file\*\*/);
		assert.match(b.contents.value, /\*\*Boot simulator\*\* · BR-RTR-2921: the next reload boots `flash0:c2900-universalk9-mz\.SPA\.154-3\.M10\.bin`/);
		assert.match(b.contents.value, /skipped, flash0: has no c2900-universalk9-mz\.SPA\.157-3\.M8\.bin/);
		// the running-config's statement: not what the reload reads
		const r = await s.request('textDocument/hover', { textDocument: { uri: boot }, position: { line: 18, character: 20 } });
		assert.match(r.contents.value, /entry 1 of the running-config; the simulator did not need it/);
	});
});

test('code actions: explain per diagnostic, the plan for the document, filtered by kind', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		const p = await s.open(uri, readSample(REGISTER));
		const params = (only) => ({
			textDocument: { uri }, range: REGISTER_RANGE,
			context: { diagnostics: p.diagnostics, ...(only ? { only } : {}) },
		});
		const all = await s.request('textDocument/codeAction', params());
		assert.deepEqual(all.map((a) => [a.title, a.kind, a.command.command]), [
			['Explain rule config-register', 'quickfix', 'iosplan.explainRule'],
			['Show upgrade plan', 'source.iosplan.showPlan', 'iosplan.showPlan'],
		]);
		assert.deepEqual(all[0].diagnostics, p.diagnostics);
		assert.deepEqual(all[1].command.arguments, [uri]);
		assert.deepEqual((await s.request('textDocument/codeAction', params(['source']))).map((a) => a.title), ['Show upgrade plan']);
		assert.deepEqual((await s.request('textDocument/codeAction', params(['quickfix']))).map((a) => a.title), ['Explain rule config-register']);
		// a client that sends no diagnostics still gets the rule of the line
		const bare = await s.request('textDocument/codeAction', { textDocument: { uri }, range: REGISTER_RANGE, context: { diagnostics: [] } });
		assert.equal(bare[0].title, 'Explain rule config-register');
	});
});

const R1_TARGET = {
	target: 'isr4300-universalk9.16.12.04.SPA.bin', md5: 'a3f8c12d9e4b72f1c8d5a0e3b6f91234', size: 521347072,
	tftpServer: '192.0.2.10',
};

test('showPlan returns the plan text (commandOutput "result")', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample('netstuts-r1.log'));
		await s.open(uri, readSample('netstuts-r1.log'));
		const r = await s.request('workspace/executeCommand', { command: 'iosplan.showPlan', arguments: [uri] });
		assert.equal(r.language, 'plaintext');
		assert.match(r.title, /NetsTuts_R1/);
		assert.match(r.content, /^! iosplan upgrade plan for NetsTuts_R1/m);
		assert.match(r.content, /copy tftp:\/\/192\.0\.2\.10\/isr4300-universalk9\.16\.12\.04\.SPA\.bin bootflash:/);
		assert.deepEqual(s.requests, [], 'nothing shown by the server');
		await assert.rejects(s.request('workspace/executeCommand', { command: 'iosplan.showPlan', arguments: ['file:///nope.ios'] }), { code: -32602 });
		await assert.rejects(s.request('workspace/executeCommand', { command: 'iosplan.nope', arguments: [] }), { code: -32602 });
	}, { init: { initializationOptions: { ...R1_TARGET, commandOutput: 'result' } } });
});

test('showPlan opens a new untitled document through workspace/applyEdit when the client can', async () => {
	const caps = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } };
	await withServer(async (s) => {
		s.answers['workspace/applyEdit'] = { applied: true };
		const uri = uriOf(sample('netstuts-r1.log'));
		await s.open(uri, readSample('netstuts-r1.log'));
		const r = await s.request('workspace/executeCommand', { command: 'iosplan.showPlan', arguments: [uri] });
		const edit = await waitFor('applyEdit', () => s.requests.find((q) => q.method === 'workspace/applyEdit'));
		const [create, change] = edit.params.edit.documentChanges;
		assert.equal(create.kind, 'create');
		assert.match(create.uri, /^untitled:iosplan-plan-NetsTuts_R1-\d+\.txt$/);
		assert.equal(change.textDocument.uri, create.uri);
		assert.equal(change.edits[0].newText, r.content);
	}, { caps, init: { initializationOptions: R1_TARGET } });
});

test('explainRule returns the page, and asks the client to show it when it can', async () => {
	await withServer(async (s) => {
		s.answers['window/showDocument'] = { success: true };
		const r = await s.request('workspace/executeCommand', { command: 'iosplan.explainRule', arguments: ['boot-fallback'] });
		assert.equal(r.language, 'markdown');
		assert.match(r.content, /^# boot-fallback\n/);
		assert.match(r.content, /## Why it matters/);
		assert.match(r.content, /boot-fallback: off/);
		const show = await waitFor('showDocument', () => s.requests.find((q) => q.method === 'window/showDocument'));
		assert.equal(show.params.uri, r.uri);
		assert.ok(existsSync(fileURLToPath(r.uri)));
		await assert.rejects(s.request('workspace/executeCommand', { command: 'iosplan.explainRule', arguments: ['no-such-rule'] }), { code: -32602 });
	}, { caps: { window: { showDocument: { support: true } } } });
});

const SPACE = { target: 'c2960-lanbasek9-mz.152-7.E9.bin', size: '12582912' };

test('settings: initializationOptions, then didChangeConfiguration', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample('traps/no-space.log'));
		let p = await s.open(uri, readSample('traps/no-space.log'));
		assert.ok(p.diagnostics.some((d) => d.code === 'flash-space'), codesAndLines(p.diagnostics).join());
		const seen = s.diagnostics.get(uri).length;
		await s.notify('workspace/didChangeConfiguration', { settings: { iosplan: { target: '', size: '' } } });
		p = await s.nextDiagnostics(uri, seen);
		assert.ok(!p.diagnostics.some((d) => d.code === 'flash-space'));
		const again = s.diagnostics.get(uri).length;
		await s.notify('workspace/didChangeConfiguration', { settings: { iosplan: { ...SPACE, md5: 'not-a-hash' } } });
		p = await s.nextDiagnostics(uri, again);
		const bad = p.diagnostics.find((d) => /^target settings: /.test(d.message));
		assert.ok(bad, JSON.stringify(p.diagnostics));
		assert.deepEqual(bad.range.start, { line: 0, character: 0 });
	}, { init: { initializationOptions: SPACE } });
});

test('settings pulled with workspace/configuration', async () => {
	await withServer(async (s) => {
		s.answers['workspace/configuration'] = () => [SPACE];
		await waitFor('the configuration request', () => s.requests.length);
		const uri = uriOf(sample('traps/no-space.log'));
		const p = await s.open(uri, readSample('traps/no-space.log'));
		assert.deepEqual(s.requests[0].params.items, [{ section: 'iosplan' }]);
		assert.ok(p.diagnostics.some((d) => d.code === 'flash-space'));
	}, { caps: { workspace: { configuration: true } } });
});

// Two documents under two .iosplan.yaml files with different file_name_case:
// each plan follows its own document's setting, whichever was analysed last.
test('file_name_case: each document keeps its own, for showPlan too', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'iosplan-lsp-'));
	try {
		const text = readFileSync(sample(join('..', 'tests', 'model', 'letter-case.log')), 'utf8');
		const docs = {};
		for (const policy of ['fold', 'exact']) {
			execFileSync('mkdir', ['-p', join(dir, policy)]);
			writeFileSync(join(dir, policy, '.iosplan.yaml'), `file_name_case: ${policy}\n`);
			writeFileSync(join(dir, policy, 'sw.ios'), text);
			docs[policy] = uriOf(join(dir, policy, 'sw.ios'));
		}
		const next = {
			fold: /next boot as captured: flash:C2960-LANBASEK9-MZ\.152-7\.E6\.bin /,
			exact: /next boot as captured: flash:c2960-lanbasek9-mz\.150-2\.SE11\.bin /,
		};
		await withServer(async (s) => {
			const fold = await s.open(docs.fold, text);
			const exact = await s.open(docs.exact, text);
			assert.deepEqual(codesAndLines(fold.diagnostics), ['boot-fallback@79']);
			assert.ok(codesAndLines(exact.diagnostics).includes('boot-missing-file@79'));
			for (const policy of ['fold', 'exact', 'fold']) {
				const r = await s.request('workspace/executeCommand', { command: 'iosplan.showPlan', arguments: [docs[policy]] });
				assert.match(r.content, next[policy], policy);
			}
		}, { init: { initializationOptions: { target: 'c2960-lanbasek9-mz.152-7.E10.bin', size: '12700000', md5: '0123456789abcdef0123456789abcdef', commandOutput: 'result' } } });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('.iosplan.yaml above the capture applies; a broken one is reported', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'iosplan-lsp-'));
	try {
		writeFileSync(join(dir, '.iosplan.yaml'), 'rules:\n  config-register: off\n');
		const file = join(dir, 'r.ios');
		writeFileSync(file, readSample(REGISTER));
		await withServer(async (s) => {
			let p = await s.open(uriOf(file), readSample(REGISTER));
			assert.deepEqual(p.diagnostics, []);
			writeFileSync(join(dir, '.iosplan.yaml'), 'rules:\n  no-such-rule: off\n');
			const seen = s.diagnostics.get(uriOf(file)).length;
			await s.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, '.iosplan.yaml')), type: 2 }] });
			p = await s.nextDiagnostics(uriOf(file), seen);
			const c = p.diagnostics.find((d) => /^configuration: /.test(d.message));
			assert.ok(c, JSON.stringify(p.diagnostics));
			assert.match(c.message, /\.iosplan\.yaml:2:3: error/);
			assert.ok(p.diagnostics.some((d) => d.code === 'config-register'), 'defaults apply');
		});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

// A repository may hold `.iosplan.yaml -> /proc/self/fd/0` (git stores
// symlinks): the server's stdin, its JSON-RPC stream. Neither that nor a
// FIFO (which blocks an open with no writer) may be read as configuration:
// each is reported, beside the capture or at the workspace root, and the
// server keeps answering.
for (const kind of ['a link to /proc/self/fd/0', 'a FIFO']) {
	for (const where of ['beside the capture', 'at the workspace root']) {
		test(`.iosplan.yaml that is ${kind}, ${where}: reported, and the server answers`, async () => {
			const dir = mkdtempSync(join(tmpdir(), 'iosplan-lsp-'));
			const docs = where === 'beside the capture' ? dir : mkdtempSync(join(tmpdir(), 'iosplan-lsp-doc-'));
			try {
				const cfg = join(dir, '.iosplan.yaml');
				if (kind === 'a FIFO')
					execFileSync('mkfifo', [cfg]);
				else
					symlinkSync('/proc/self/fd/0', cfg);
				const file = join(docs, 'r.ios');
				writeFileSync(file, readSample(REGISTER));
				await withServer(async (s) => {
					const p = await s.open(uriOf(file), readSample(REGISTER));
					const c = p.diagnostics.find((d) => /^configuration: /.test(d.message));
					assert.ok(c, JSON.stringify(p.diagnostics));
					// a pipe or FIFO: "not a regular file"; node's stdin is a
					// socket, which open() of /proc/self/fd/0 refuses (ENXIO)
					assert.match(c.message, /\.iosplan\.yaml: error: cannot open configuration: (not a regular file|No such device)/);
					assert.ok(p.diagnostics.some((d) => d.code === 'config-register'), 'defaults apply');
					const h = await s.request('textDocument/hover',
						{ textDocument: { uri: uriOf(file) }, position: REGISTER_RANGE.start });
					assert.ok(h, 'the server still answers');
				}, { init: where === 'beside the capture' ? {} : { rootUri: uriOf(dir) } });
			} finally {
				rmSync(dir, { recursive: true, force: true });
				if (docs !== dir)
					rmSync(docs, { recursive: true, force: true });
			}
		});
	}
}

function frame(body) {
	const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
	return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
}

async function errorReply(s, before, code, id = null) {
	return waitFor(`error ${code} for id ${id}`, () =>
		s.raw.messages.slice(before).find((m) => m.error && m.error.code === code && m.id === id));
}

test('malformed input gets the JSON-RPC errors, and the server keeps serving', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		await s.open(uri, readSample(REGISTER));
		const cases = [
			['invalid JSON', frame('{"jsonrpc": "2.0", "id": 1, '), -32700, null],
			['no Content-Length', Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'), -32700, null],
			['a Content-Length that is no number', Buffer.from('Content-Length: twelve\r\n\r\n'), -32700, null],
			['a batch', frame('[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]'), -32600, null],
			['a number', frame('42'), -32600, null],
			['jsonrpc 1.0', frame('{"jsonrpc":"1.0","id":41,"method":"shutdown"}'), -32600, 41],
			['an object id', frame('{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}'), -32600, null],
			['a method that is no string', frame('{"jsonrpc":"2.0","id":43,"method":7}'), -32600, 43],
			['an unknown method', frame('{"jsonrpc":"2.0","id":42,"method":"textDocument/rename","params":{}}'), -32601, 42],
			['a notification used as a request', frame('{"jsonrpc":"2.0","id":44,"method":"textDocument/didSave","params":{}}'), -32600, 44],
			['hover without a position', frame(`{"jsonrpc":"2.0","id":45,"method":"textDocument/hover","params":{"textDocument":{"uri":"${uri}"}}}`), -32602, 45],
			['params that are a string', frame('{"jsonrpc":"2.0","id":46,"method":"textDocument/hover","params":"x"}'), -32602, 46],
			['a negative line', frame(`{"jsonrpc":"2.0","id":47,"method":"textDocument/hover","params":{"textDocument":{"uri":"${uri}"},"position":{"line":-1,"character":0}}}`), -32602, 47],
			['junk before a request', Buffer.concat([Buffer.from('garbage\n'), frame('{"jsonrpc":"2.0","id":48,"method":"nope"}')]), -32601, 48],
			['invalid UTF-8 in a string', frame(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":49,"method":"'), Buffer.from([0xff]), Buffer.from('"}')])), -32601, 49],
		];
		for (const [what, bytes, code, id] of cases) {
			const before = s.raw.messages.length;
			s.write(bytes);
			const e = await errorReply(s, before, code, id).catch(() => null);
			assert.ok(e, `${what}: expected error ${code} with id ${id}; got ${JSON.stringify(s.raw.messages.slice(before))}`);
		}
		const junk = s.raw.messages.find((m) => m.error && /no message header/.test(m.error.message));
		assert.ok(junk, 'the junk bytes were reported');
		// unknown notifications and changes to unknown documents are ignored
		await s.notify('textDocument/unknownThing', {});
		await s.notify('textDocument/didChange', { textDocument: { uri: 'file:///x.ios', version: 2 }, contentChanges: [{ text: 'x' }] });
		await s.notify('$/cancelRequest', { id: 1 });
		const h = await s.request('textDocument/hover', { textDocument: { uri }, position: REGISTER_RANGE.start });
		assert.match(h.contents.value, /config-register/);
	});
});

test('a message over the size limit is refused with its id, skipped, and the server goes on', async () => {
	await withServer(async (s) => {
		const uri = uriOf(sample(REGISTER));
		await s.open(uri, readSample(REGISTER));
		const pad = 'x'.repeat(200000);
		let before = s.raw.messages.length;
		s.write(frame(`{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"pad":"${pad}"}}`));
		const e = await errorReply(s, before, -32600, 77);
		assert.match(e.error.message, /over the limit of 65536 bytes/);
		before = s.raw.messages.length;
		s.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///big.ios', languageId: 'ioscapture', version: 1, text: pad } } })));
		await errorReply(s, before, -32600, null);
		const shown = await waitFor('showMessage', () => s.raw.messages.slice(before).find((m) => m.method === 'window/showMessage'));
		assert.equal(shown.params.type, 1);
		const h = await s.request('textDocument/hover', { textDocument: { uri }, position: REGISTER_RANGE.start });
		assert.match(h.contents.value, /config-register/);
	}, { args: ['--max-message-bytes', '65536'] });
});

test('shutdown: later requests are invalid, exit ends with 0', async () => {
	const s = new Server();
	await s.initialize();
	assert.equal(await s.request('shutdown'), null);
	await assert.rejects(s.request('textDocument/hover', { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } }), { code: -32600 });
	await s.notify('exit');
	assert.equal(await s.exited, 0);
	assert.deepEqual(s.raw.errors, []);
});

test('exit without shutdown ends with 1; so does a client that goes away', async () => {
	const a = new Server();
	await a.initialize();
	await a.notify('exit');
	assert.equal(await a.exited, 1);
	const b = new Server();
	await b.initialize();
	b.proc.stdin.end();
	assert.equal(await b.exited, 1);
	const c = spawnSync(BIN, ['lsp', '--max-message-bytes', '12'], { encoding: 'utf8' });
	assert.equal(c.status, 2);
	assert.equal(c.stdout, '');
	assert.equal(execFileSync(BIN, ['lsp', '--help'], { encoding: 'utf8' }).split('\n')[0], 'usage: iosplan lsp [--stdio] [--max-message-bytes N]');
});
