-- iosplan for Neovim's built-in LSP client (Neovim 0.7 and later).
--
--   require('iosplan').setup({
--     cmd = { 'iosplan', 'lsp' },          -- the server
--     settings = {                         -- as the VS Code settings
--       target = 'isr4300-universalk9.16.12.04.SPA.bin',
--       md5 = '…', size = '521347072',     -- or catalog = '/path/images.yaml'
--       tftpServer = '192.0.2.10',
--     },
--     patterns = { '*/captures/*.log' },   -- more files that are captures
--   })
--
-- Captures get the filetype `ioscapture` (ftdetect/ioscapture.vim: *.ios and
-- *.capture; setup() adds `patterns`), and each gets a client of the one
-- `iosplan lsp` per root (the folder holding .iosplan.yaml, else the
-- current directory). Diagnostics, hover (K) and code actions come through
-- the usual vim.lsp functions. The server's commands ("Show upgrade plan",
-- "Explain rule") return text, which opens in a scratch buffer.
local M = {}

local defaults = {
	cmd = { 'iosplan', 'lsp' },
	settings = {},
	patterns = {},
	filetypes = { 'ioscapture' },
	on_attach = nil,
}

M.config = vim.deepcopy(defaults)
local clients = {} -- root -> client id (Neovim 0.7, which has no vim.lsp.start)

local function root_of(bufnr)
	local name = vim.api.nvim_buf_get_name(bufnr)
	local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
	local found = vim.fn.findfile('.iosplan.yaml', dir .. ';')
	if found ~= '' then
		return vim.fn.fnamemodify(found, ':p:h')
	end
	return vim.fn.getcwd()
end

-- Show a command's result ({title, language, content}) in a new buffer.
local function show(result)
	if type(result) ~= 'table' or type(result.content) ~= 'string' then
		return
	end
	vim.cmd('new')
	local buf = vim.api.nvim_get_current_buf()
	vim.bo[buf].buftype = 'nofile'
	vim.bo[buf].bufhidden = 'wipe'
	vim.bo[buf].swapfile = false
	vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(result.content, '\n', { plain = true }))
	vim.bo[buf].filetype = result.language == 'markdown' and 'markdown' or 'text'
	vim.bo[buf].modifiable = false
	pcall(vim.api.nvim_buf_set_name, buf, 'iosplan://' .. (result.title or 'result'))
end

-- Run a server command and show what it returns.
local function run(command, ctx)
	local client = vim.lsp.get_client_by_id(ctx.client_id)
	if not client then
		return
	end
	client.request('workspace/executeCommand', command, function(err, result)
		if err then
			vim.notify('iosplan: ' .. (err.message or tostring(err)), vim.log.levels.ERROR)
			return
		end
		show(result)
	end, ctx.bufnr)
end

local function client_config(bufnr)
	local settings = vim.tbl_extend('force', {}, M.config.settings, { commandOutput = 'result' })
	return {
		name = 'iosplan',
		cmd = M.config.cmd,
		root_dir = root_of(bufnr),
		init_options = settings,
		settings = { iosplan = settings },
		on_attach = M.config.on_attach,
	}
end

-- Attach buffer `bufnr` to the iosplan client of its root.
function M.attach(bufnr)
	bufnr = bufnr or vim.api.nvim_get_current_buf()
	local config = client_config(bufnr)
	if vim.lsp.start then
		return vim.lsp.start(config, { bufnr = bufnr })
	end
	local id = clients[config.root_dir]
	if not id or not vim.lsp.get_client_by_id(id) then
		id = vim.lsp.start_client(config)
		clients[config.root_dir] = id
	end
	if id then
		vim.lsp.buf_attach_client(bufnr, id)
	end
	return id
end

-- `:IosplanPlan`: the upgrade plan of the current capture.
function M.plan()
	local bufnr = vim.api.nvim_get_current_buf()
	for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
		if client.name == 'iosplan' then
			run({ command = 'iosplan.showPlan', arguments = { vim.uri_from_bufnr(bufnr) } },
				{ client_id = client.id, bufnr = bufnr })
			return
		end
	end
	vim.notify('iosplan: this buffer has no iosplan client', vim.log.levels.WARN)
end

function M.setup(opts)
	M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
	vim.lsp.commands['iosplan.showPlan'] = run
	vim.lsp.commands['iosplan.explainRule'] = run
	local group = vim.api.nvim_create_augroup('iosplan', { clear = true })
	if #M.config.patterns > 0 then
		vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
			group = group,
			pattern = M.config.patterns,
			command = 'setfiletype ioscapture',
		})
	end
	vim.api.nvim_create_autocmd('FileType', {
		group = group,
		pattern = M.config.filetypes,
		callback = function(args)
			M.attach(args.buf)
		end,
	})
	vim.api.nvim_create_user_command('IosplanPlan', M.plan, { desc = 'iosplan: show the upgrade plan' })
	-- buffers that already have the filetype
	for _, buf in ipairs(vim.api.nvim_list_bufs()) do
		if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
			M.attach(buf)
		end
	end
end

return M
