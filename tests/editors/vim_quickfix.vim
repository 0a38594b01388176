" Headless Vim with editors/vim: :make on a capture through the iosplan
" compiler plugin, then the quickfix list is checked. Writes TAP lines to
" $IOSPLAN_TAP; run by tests/editors/run-vim.
set nocompatible
let s:tap = []
let s:failed = 0

function! s:check(ok, name, detail) abort
  let n = len(s:tap) + 1
  if a:ok
    call add(s:tap, printf('ok %d - %s', n, a:name))
  else
    let s:failed += 1
    call add(s:tap, printf('not ok %d - %s', n, a:name))
    call add(s:tap, '# ' . string(a:detail))
  endif
endfunction

function! s:entries() abort
  let out = []
  for e in getqflist()
    if e.valid
      call add(out, [fnamemodify(bufname(e.bufnr), ':t'), e.lnum, e.col, e.type, matchstr(e.text, '\[\zs[a-z-]\+\ze\]$')])
    endif
  endfor
  return out
endfunction

try
  execute 'set runtimepath^=' . fnameescape($IOSPLAN_EDITORS . '/vim')
  filetype plugin on
  let g:iosplan_command = $IOSPLAN_BIN
  let s:dir = tempname()
  call mkdir(s:dir, 'p')
  let s:file = s:dir . '/wan-edge-r2.ios'
  call writefile(readfile($IOSPLAN_SAMPLES . '/traps/unsaved-boot.log', 'b'), s:file, 'b')
  execute 'edit ' . fnameescape(s:file)
  call s:check(&filetype ==# 'ioscapture', 'the filetype rule makes *.ios an ioscapture', &filetype)
  call s:check(get(b:, 'current_compiler', '') ==# 'iosplan', 'the ftplugin selects the iosplan compiler', &makeprg)

  silent make
  let s:got = s:entries()
  let s:want = [['wan-edge-r2.ios', 24, 13, 'e', 'unsaved-boot'], ['wan-edge-r2.ios', 29, 13, 'w', 'boot-fallback']]
  call s:check(s:got ==# s:want, ':make fills the quickfix list: file, line, column, type, rule id', s:got)

  " arguments to :make go to iosplan lint (here: a target for the flash-space rule)
  let s:space = s:dir . '/acc-sw.ios'
  call writefile(readfile($IOSPLAN_SAMPLES . '/traps/no-space.log', 'b'), s:space, 'b')
  execute 'edit ' . fnameescape(s:space)
  silent make --target c2960-lanbasek9-mz.152-7.E9.bin --size 12582912
  let s:rules = map(s:entries(), 'v:val[4]')
  call s:check(index(s:rules, 'flash-space') >= 0, ':make ARGS passes the target options', getqflist())

  " a clean capture gives an empty list
  execute 'edit ' . fnameescape($IOSPLAN_SAMPLES . '/netstuts-r1.log')
  compiler iosplan
  silent make
  call s:check(s:entries() ==# [], 'a clean capture leaves no entry', getqflist())
  call delete(s:dir, 'rf')
catch
  call s:check(0, 'the script ran to its end', v:exception . ' at ' . v:throwpoint)
endtry

call add(s:tap, printf('1..%d', len(s:tap)))
call writefile(s:tap, $IOSPLAN_TAP)
if s:failed
  cquit!
endif
qall!
