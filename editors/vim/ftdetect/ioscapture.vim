" Saved Cisco IOS / IOS-XE show output: the filetype iosplan's set-up
" starts `iosplan lsp` for. Add more patterns in your own config, e.g.
"   autocmd BufRead,BufNewFile */captures/*.log setfiletype ioscapture
autocmd BufRead,BufNewFile *.ios,*.capture setfiletype ioscapture
