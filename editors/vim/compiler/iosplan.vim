" Vim compiler file
" Compiler:	iosplan lint, gcc format
"
" :make runs `iosplan lint --format gcc` on the current file (or on the
" arguments given to :make) and fills the quickfix list from its lines:
"   file:line:col: error: message [rule-id]
"   file:line:col: warning: message [rule-id]
"   file:line:col: note: message [rule-id]
" A finding that no line holds ("HOST: error: …") is kept as a text entry.
"
" Options (set them before :compiler iosplan):
"   g:iosplan_command    the executable (default "iosplan")
"   g:iosplan_lint_args  more arguments, e.g. "--target x.bin --size 123"
if exists("current_compiler")
  finish
endif
let current_compiler = "iosplan"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(shellescape(get(g:, 'iosplan_command', 'iosplan'))
      \ . ' lint --format gcc ' . get(g:, 'iosplan_lint_args', '') . ' $* %:S', ' \|"')

CompilerSet errorformat=%f:%l:%c:\ %trror:\ %m,
      \%f:%l:%c:\ %tarning:\ %m,
      \%f:%l:%c:\ %tote:\ %m,
      \%-G,
      \%+G%.%#

let &cpo = s:cpo_save
unlet s:cpo_save
