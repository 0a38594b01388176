// The iosplan extension: starts `iosplan lsp` for capture files and shows
// what its commands make.
//
// Captures are the language "ioscapture": *.ios and *.capture, plus the
// globs in iosplan.captureGlobs (a document that matches one is switched to
// the language when it opens). The server's "Show upgrade plan" and
// "Explain rule" commands return their text ({title, language, content});
// the server is told (commandOutput: "result") to leave the showing to us,
// and we open it in a new untitled editor beside the capture.
import * as vscode from 'vscode';
import {
	ExecuteCommandSignature,
	LanguageClient,
	LanguageClientOptions,
	ServerOptions,
	TransportKind,
} from 'vscode-languageclient/node';

const LANGUAGE = 'ioscapture';
const SETTINGS = [
	'target', 'md5', 'sha512', 'size', 'imageFile', 'catalog', 'config', 'tftpServer', 'transfer',
];

let client: LanguageClient | undefined;

interface DocumentResult {
	title?: string;
	language?: string;
	content?: string;
}

// The settings the server reads, as initializationOptions want them.
function serverSettings(): Record<string, unknown> {
	const cfg = vscode.workspace.getConfiguration('iosplan');
	const out: Record<string, unknown> = { commandOutput: 'result' };
	for (const key of SETTINGS)
		out[key] = cfg.get<string>(key) ?? '';
	return out;
}

async function showResult(result: unknown): Promise<void> {
	const r = result as DocumentResult | undefined;
	if (!r || typeof r.content !== 'string')
		return;
	const doc = await vscode.workspace.openTextDocument({
		content: r.content,
		language: r.language === 'markdown' ? 'markdown' : 'plaintext',
	});
	await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

function isCapture(doc: vscode.TextDocument): boolean {
	if (doc.languageId === LANGUAGE)
		return true;
	const globs = vscode.workspace.getConfiguration('iosplan').get<string[]>('captureGlobs') ?? [];
	return globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

// Give documents that match iosplan.captureGlobs the capture language.
async function adopt(doc: vscode.TextDocument): Promise<void> {
	if (doc.languageId !== LANGUAGE && doc.uri.scheme !== 'output' && isCapture(doc))
		await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
}

function makeClient(): LanguageClient {
	const command = vscode.workspace.getConfiguration('iosplan').get<string>('path') || 'iosplan';
	const serverOptions: ServerOptions = {
		run: { command, args: ['lsp'], transport: TransportKind.stdio },
		debug: { command, args: ['lsp'], transport: TransportKind.stdio },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [{ language: LANGUAGE }],
		initializationOptions: serverSettings(),
		synchronize: {
			configurationSection: 'iosplan',
			fileEvents: vscode.workspace.createFileSystemWatcher('**/{.iosplan.yaml,*.yaml}'),
		},
		middleware: {
			// Show what the server's commands return.
			executeCommand: async (cmd: string, args: unknown[], next: ExecuteCommandSignature) => {
				const result = await next(cmd, args);
				await showResult(result);
				return result;
			},
			workspace: {
				// Keep commandOutput: "result" whatever the user's settings say.
				configuration: async (params, token, next) => {
					const result = await next(params, token);
					if (Array.isArray(result))
						return result.map((r) => (r && typeof r === 'object' ? { ...r, commandOutput: 'result' } : r));
					return result;
				},
			},
		},
	};
	return new LanguageClient('iosplan', 'iosplan', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	client = makeClient();
	context.subscriptions.push(
		vscode.workspace.onDidOpenTextDocument(adopt),
		vscode.workspace.onDidChangeConfiguration(async (e) => {
			if (e.affectsConfiguration('iosplan.captureGlobs'))
				await Promise.all(vscode.workspace.textDocuments.map(adopt));
			if (e.affectsConfiguration('iosplan.path'))
				await vscode.commands.executeCommand('iosplan.restartServer');
		}),
		vscode.commands.registerCommand('iosplan.showPlanForEditor', async () => {
			const editor = vscode.window.activeTextEditor;
			if (!client || !editor || editor.document.languageId !== LANGUAGE) {
				void vscode.window.showInformationMessage('iosplan: open a capture first');
				return;
			}
			const result = await client.sendRequest('workspace/executeCommand', {
				command: 'iosplan.showPlan',
				arguments: [editor.document.uri.toString()],
			});
			await showResult(result);
		}),
		vscode.commands.registerCommand('iosplan.restartServer', async () => {
			if (client) {
				await client.stop();
				client = makeClient();
				await client.start();
			}
		}),
	);
	await Promise.all(vscode.workspace.textDocuments.map(adopt));
	await client.start();
}

export async function deactivate(): Promise<void> {
	if (client)
		await client.stop();
	client = undefined;
}
