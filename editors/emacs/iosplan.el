;;; iosplan.el --- Cisco IOS captures checked by iosplan  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "26.1"))
;; Keywords: tools, languages
;; SPDX-License-Identifier: Apache-2.0

;;; Commentary:

;; A major mode for saved Cisco IOS / IOS-XE show output ("captures"),
;; checked by iosplan in one of two ways:
;;
;; - Flymake: `iosplan-flymake' runs `iosplan lint --format gcc -' on the
;;   buffer and reports its findings.  On by default in `iosplan-mode'.
;; - Eglot: `iosplan lsp', the language server (diagnostics, hover with the
;;   rule's explanation, code actions "Explain rule" and "Show upgrade
;;   plan").  M-x eglot in a capture; the entry below tells Eglot how.
;;
;;   (add-to-list 'load-path "/path/to/iosplan/editors/emacs")
;;   (require 'iosplan)
;;   (setq iosplan-lint-arguments '("--target" "isr4300-universalk9.16.12.04.SPA.bin"))
;;
;; Captures are *.ios and *.capture; add your own to `auto-mode-alist'.

;;; Code:

(require 'flymake)

(defgroup iosplan nil
  "Cisco IOS captures checked by iosplan."
  :group 'tools
  :prefix "iosplan-")

(defcustom iosplan-program "iosplan"
  "The iosplan executable."
  :type 'string)

(defcustom iosplan-lint-arguments nil
  "More arguments for `iosplan lint', e.g. the target image options."
  :type '(repeat string))

(defcustom iosplan-lsp-options '(:commandOutput "auto")
  "The initializationOptions Eglot sends to `iosplan lsp'.
Keys as the VS Code settings: :target :md5 :sha512 :size :imageFile
:catalog :config :tftpServer :transfer."
  :type 'sexp)

(defvar iosplan-font-lock-keywords
  `((,(rx bol (* blank) (group (any alnum) (** 0 62 (any alnum "._-")))
          (group (? "(" (+ (any lower digit "-")) ")")) (group (any "#>")) (* blank)
          (group (* nonl)))
     (1 font-lock-function-name-face) (2 font-lock-type-face)
     (3 font-lock-builtin-face) (4 font-lock-keyword-face))
    (,(rx bol (* blank) (? "no" (+ blank)) (group "boot" (+ blank) "system") (group (* nonl)))
     (1 font-lock-keyword-face) (2 font-lock-string-face))
    (,(rx bol (* blank) (group "BOOT" (? (+ blank) (or "variable" "path-list"))) (* blank) (any "=:"))
     (1 font-lock-keyword-face))
    (,(rx (or "Configuration register is" "config-register" "will be") (+ blank)
          (group "0x" (** 1 4 hex-digit)) word-boundary)
     (1 font-lock-constant-face))
    (,(rx (not (any hex-digit)) (group (or (= 128 hex-digit) (= 32 hex-digit))) (not (any hex-digit)))
     (1 font-lock-constant-face))
    (,(rx bol (* blank) "%" (? blank) (or "Error" "Invalid input") (* nonl)) . font-lock-warning-face))
  "Highlighting for `iosplan-mode'.
Prompts, commands, boot lines, registers and hashes.")

;;;###autoload
(define-derived-mode iosplan-mode fundamental-mode "IOS-capture"
  "Major mode for saved Cisco IOS / IOS-XE show output."
  (setq-local font-lock-defaults '(iosplan-font-lock-keywords t))
  (setq-local comment-start "! ")
  ;; only iosplan: the legacy backend has nothing to say about captures
  (setq-local flymake-diagnostic-functions (list #'iosplan-flymake))
  (flymake-mode 1))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.\\(?:ios\\|capture\\)\\'" . iosplan-mode))

;;; Flymake

(defvar-local iosplan--flymake-proc nil)

(defconst iosplan--gcc-line
  (rx bol (or "<stdin>" "-") ":" (group (+ digit)) ":" (group (+ digit)) ": "
      (group (or "error" "warning" "note")) ": " (group (* nonl)) eol)
  "One line of `iosplan lint --format gcc' on standard input.")

(defconst iosplan--device-line
  (rx bol (group (+ (not (any ":\n")))) ": " (group (or "error" "warning" "note")) ": "
      (group (* nonl)) eol)
  "A finding that no line holds: \"HOST: error: message [rule]\".")

(defun iosplan--type (level)
  "The Flymake type of iosplan's LEVEL."
  (pcase level ("error" :error) ("warning" :warning) (_ :note)))

(defun iosplan--diagnostics (source)
  "Parse the current buffer's lint output into diagnostics for SOURCE."
  (let (diags)
    (goto-char (point-min))
    (while (not (eobp))
      (cond
       ((looking-at iosplan--gcc-line)
        (let* ((line (string-to-number (match-string 1)))
               (col (string-to-number (match-string 2)))
               (region (flymake-diag-region source line col)))
          (push (flymake-make-diagnostic source (car region) (cdr region)
                                         (iosplan--type (match-string 3)) (match-string 4))
                diags)))
       ((looking-at iosplan--device-line)
        (push (flymake-make-diagnostic source 1 (with-current-buffer source
                                                  (save-excursion (goto-char 1) (line-end-position)))
                                       (iosplan--type (match-string 2))
                                       (concat (match-string 1) ": " (match-string 3)))
              diags)))
      (forward-line 1))
    (nreverse diags)))

(defun iosplan-flymake (report-fn &rest _args)
  "Flymake backend: `iosplan lint --format gcc -' on the buffer, to REPORT-FN."
  (unless (executable-find iosplan-program)
    (error "Cannot find %s (set `iosplan-program')" iosplan-program))
  (when (process-live-p iosplan--flymake-proc)
    (kill-process iosplan--flymake-proc))
  (let* ((source (current-buffer))
         (dir (and buffer-file-name (file-name-directory buffer-file-name)))
         (config (and dir (locate-dominating-file dir ".iosplan.yaml")))
         (args (append (list "lint" "--format" "gcc")
                       (and config (list "--config" (expand-file-name ".iosplan.yaml" config)))
                       iosplan-lint-arguments (list "-"))))
    (save-restriction
      (widen)
      (setq iosplan--flymake-proc
            (make-process
             :name "iosplan-flymake" :noquery t :connection-type 'pipe
             :buffer (generate-new-buffer " *iosplan-flymake*")
             :command (cons iosplan-program args)
             :sentinel
             (lambda (proc _event)
               (when (memq (process-status proc) '(exit signal))
                 (unwind-protect
                     (if (with-current-buffer source (eq proc iosplan--flymake-proc))
                         (with-current-buffer (process-buffer proc)
                           ;; exit 1: findings; 2: an input error, which
                           ;; is a line too, or a usage error, which is not
                           (let ((diags (iosplan--diagnostics source)))
                             (if (or diags (<= (process-exit-status proc) 1))
                                 (funcall report-fn diags)
                               (funcall report-fn :panic
                                        :explanation (buffer-substring (point-min) (point-max))))))
                       (flymake-log :warning "Canceling obsolete check %s" proc))
                   (kill-buffer (process-buffer proc)))))))
      (process-send-region iosplan--flymake-proc (point-min) (point-max))
      (process-send-eof iosplan--flymake-proc))))

;;; Eglot

(defvar eglot-server-programs)

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(iosplan-mode . (,iosplan-program "lsp" :initializationOptions ,iosplan-lsp-options))))

(provide 'iosplan)
;;; iosplan.el ends here
