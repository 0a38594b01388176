-- Headless Neovim with editors/nvim: open a capture, and assert what
-- `iosplan lsp` sends through Neovim's own LSP client. Prints TAP; run by
-- tests/editors/run-nvim (which sets IOSPLAN_BIN, IOSPLAN_SAMPLES, and
-- IOSPLAN_EDITORS to editors/).
local out = io.stdout
local n, failed = 0, 0

local function check(ok, name, detail)
	n = n + 1
	if ok then
		out:write(('ok %d - %s\n'):format(n, name))
	else
		failed = failed + 1
		out:write(('not ok %d - %s\n'):format(n, name))
		if detail then
			out:write('# ' .. tostring(detail):gsub('\n', '\n# ') .. '\n')
		end
	end
end

local function finish()
	out:write(('1..%d\n'):format(n))
	out:flush()
	vim.cmd((failed == 0 and n > 0) and 'qall!' or 'cquit!')
end

local bin, samples, editors = os.getenv('IOSPLAN_BIN'), os.getenv('IOSPLAN_SAMPLES'), os.getenv('IOSPLAN_EDITORS')
vim.opt.rtp:prepend(editors .. '/nvim')
vim.cmd('filetype on')
require('iosplan').setup({ cmd = { bin, 'lsp' } })

-- diagnostic code: 0.8+ has d.code, 0.7 keeps it in user_data
local function code(d)
	return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function summary(diags)
	local s = {}
	for _, d in ipairs(diags) do
		table.insert(s, ('%s@%d:%d'):format(tostring(code(d)), d.lnum + 1, d.col + 1))
	end
	table.sort(s)
	return table.concat(s, ' ')
end

local function wait_for(ms, pred)
	return vim.wait(ms, pred, 20)
end

local ok, err = pcall(function()
	-- a copy named *.ios: the filetype rule must pick it
	local dir = vim.fn.tempname()
	vim.fn.mkdir(dir, 'p')
	local file = dir .. '/wan-edge-r2.ios'
	vim.fn.writefile(vim.fn.readfile(samples .. '/traps/unsaved-boot.log', 'b'), file, 'b')
	vim.cmd('edit ' .. vim.fn.fnameescape(file))
	local buf = vim.api.nvim_get_current_buf()
	check(vim.bo[buf].filetype == 'ioscapture', 'the filetype rule makes *.ios an ioscapture', vim.bo[buf].filetype)

	wait_for(15000, function() return #vim.diagnostic.get(buf) >= 2 end)
	local clients = vim.lsp.buf_get_clients(buf)
	local name
	for _, c in pairs(clients) do name = c.name end
	check(name == 'iosplan', 'an iosplan client is attached', name)
	local got = summary(vim.diagnostic.get(buf))
	-- line 24: the running-config's new first entry; line 29: the startup-config's only one
	check(got == 'boot-fallback@29:13 unsaved-boot@24:13', 'the diagnostics: rule ids and lines', got)
	local sev = {}
	for _, d in ipairs(vim.diagnostic.get(buf)) do sev[code(d)] = d.severity end
	check(sev['unsaved-boot'] == vim.diagnostic.severity.ERROR and sev['boot-fallback'] == vim.diagnostic.severity.WARN,
		'severities: error and warning', vim.inspect(sev))

	local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 23, character = 15 } }
	local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
	local text = ''
	for _, r in pairs(res) do
		if r.result then text = r.result.contents.value end
	end
	check(text:find('**unsaved-boot**', 1, true) ~= nil and text:find('copy running-config startup-config', 1, true) ~= nil,
		'hover explains the rule with its fix', text)

	-- the Lua set-up's command handler opens what the server returns
	local id = clients[next(clients)].id
	vim.lsp.commands['iosplan.explainRule']({ title = 'Explain', command = 'iosplan.explainRule', arguments = { 'unsaved-boot' } },
		{ bufnr = buf, client_id = id })
	wait_for(10000, function() return vim.api.nvim_get_current_buf() ~= buf end)
	local page = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1]
	check(page == '# unsaved-boot' and vim.bo.filetype == 'markdown', 'Explain rule opens the rule page in a buffer', page)
	vim.cmd('close')

	-- an edit goes to the server (incremental sync): without the new
	-- first entry, running and startup agree
	vim.api.nvim_set_current_buf(buf)
	vim.api.nvim_buf_set_lines(buf, 23, 24, false, {})
	wait_for(15000, function() return summary(vim.diagnostic.get(buf)) ~= got end)
	local after = summary(vim.diagnostic.get(buf))
	check(after == 'boot-fallback@28:13', 'after deleting line 24 only boot-fallback is left, one line up', after)

	vim.fn.delete(dir, 'rf')
end)
check(ok, 'the script ran to its end', err)
finish()
