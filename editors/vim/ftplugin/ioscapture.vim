" A saved Cisco IOS / IOS-XE capture: :make checks it with iosplan lint.
if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1

compiler iosplan
setlocal commentstring=!\ %s
let b:undo_ftplugin = "setlocal makeprg< errorformat< commentstring<"
