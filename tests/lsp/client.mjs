// A test client for `iosplan lsp`: a real JSON-RPC connection
// (vscode-languageserver-protocol, as VS Code's client uses) plus a tap on
// the server's raw stdout that checks every byte is a well-formed frame
// ("Content-Length: N\r\n\r\n" and N bytes of JSON-RPC 2.0) and keeps every
// message, for the replies a JSON-RPC client drops (id null).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

export const BIN = process.env.IOSPLAN_BIN;
export const SAMPLES = process.env.IOSPLAN_SAMPLES;
if (!BIN || !SAMPLES)
	throw new Error('IOSPLAN_BIN and IOSPLAN_SAMPLES must be set (meson test sets them)');

export const sample = (name) => join(SAMPLES, name);
export const uriOf = (path) => pathToFileURL(path).href;
export const readSample = (name) => readFileSync(sample(name), 'utf8');

const quiet = { error() {}, warn() {}, info() {}, log() {} };

// Parses the server's stdout exactly; anything that is not a frame is an error.
class RawTap {
	constructor(stream) {
		this.buf = Buffer.alloc(0);
		this.messages = [];
		this.errors = [];
		stream.on('data', (chunk) => this.feed(chunk));
	}

	feed(chunk) {
		this.buf = Buffer.concat([this.buf, chunk]);
		for (;;) {
			const end = this.buf.indexOf('\r\n\r\n');
			if (end < 0)
				return;
			const head = this.buf.subarray(0, end).toString('latin1');
			const m = /^Content-Length: (\d+)$/.exec(head);
			if (!m) {
				this.errors.push(`not a frame header: ${JSON.stringify(head.slice(0, 80))}`);
				this.buf = Buffer.alloc(0);
				return;
			}
			const n = Number(m[1]);
			if (this.buf.length < end + 4 + n)
				return;
			const body = this.buf.subarray(end + 4, end + 4 + n);
			this.buf = this.buf.subarray(end + 4 + n);
			try {
				const msg = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
				if (msg.jsonrpc !== '2.0')
					this.errors.push(`message without "jsonrpc": "2.0": ${body.toString().slice(0, 80)}`);
				this.messages.push(msg);
			} catch (e) {
				this.errors.push(`body is not UTF-8 JSON: ${e.message}`);
			}
		}
	}
}

export async function waitFor(what, pred, ms = 10000) {
	const until = Date.now() + ms;
	for (;;) {
		const v = pred();
		if (v)
			return v;
		if (Date.now() > until)
			throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 5));
	}
}

export class Server {
	constructor(args = [], env = {}) {
		this.proc = spawn(BIN, ['lsp', ...args], {
			stdio: ['pipe', 'pipe', 'pipe'],
			env: { ...process.env, ...env },
		});
		this.stderr = '';
		this.proc.stderr.on('data', (d) => { this.stderr += d; });
		this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
		this.raw = new RawTap(this.proc.stdout);
		this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout),
			new StreamMessageWriter(this.proc.stdin), quiet);
		this.diagnostics = new Map(); // uri -> [{version, diagnostics}]
		this.requests = [];           // what the server asked the client
		this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
			if (!this.diagnostics.has(p.uri))
				this.diagnostics.set(p.uri, []);
			this.diagnostics.get(p.uri).push(p);
		});
		this.answers = {};
		for (const method of ['workspace/applyEdit', 'window/showDocument', 'workspace/configuration']) {
			this.conn.onRequest(method, (params) => {
				this.requests.push({ method, params });
				const a = this.answers[method];
				return typeof a === 'function' ? a(params) : a ?? null;
			});
		}
		this.conn.onError(() => {});
		this.conn.listen();
	}

	request(method, params) {
		return this.conn.sendRequest(method, params);
	}

	notify(method, params) {
		return this.conn.sendNotification(method, params);
	}

	async initialize(options = {}, capabilities = {}) {
		const r = await this.request('initialize', {
			processId: process.pid,
			rootUri: options.rootUri ?? null,
			capabilities,
			initializationOptions: options.initializationOptions,
		});
		await this.notify('initialized', {});
		return r;
	}

	// Open a document; resolves with its first diagnostics.
	async open(uri, text, version = 1) {
		const seen = this.diagnostics.get(uri)?.length ?? 0;
		await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'ioscapture', version, text } });
		return this.nextDiagnostics(uri, seen);
	}

	async nextDiagnostics(uri, seen, version) {
		return waitFor(`diagnostics for ${uri}`, () => {
			const list = this.diagnostics.get(uri) ?? [];
			const fresh = list.slice(seen).find((p) => version === undefined || p.version === version);
			return fresh;
		});
	}

	async change(uri, version, contentChanges) {
		const seen = this.diagnostics.get(uri)?.length ?? 0;
		await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
		return this.nextDiagnostics(uri, seen, version);
	}

	write(bytes) {
		this.proc.stdin.write(bytes);
	}

	// The raw replies with id null, in order.
	nullReplies() {
		return this.raw.messages.filter((m) => m.id === null && m.error);
	}

	async stop() {
		if (this.proc.exitCode === null) {
			try {
				await this.request('shutdown');
				await this.notify('exit');
			} catch {
				// already gone
			}
		}
		const code = await this.exited;
		this.conn.dispose();
		return code;
	}
}
