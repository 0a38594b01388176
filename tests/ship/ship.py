#!/usr/bin/env python3
"""Tests of what ships with iosplan (issue 12): the man page, the shell
completions, --version, the rule pages, the codeclimate format as the CLI
prints it, the README walkthrough and the pipeline examples.

usage: ship.py TEST [ARGS...]; prints TAP. Every expectation that can be is
derived from the CLI itself (`iosplan --help`, `iosplan COMMAND --help`,
`iosplan rules`) or from the source (rules.yaml, lint/config.c), never typed
here, so that a new subcommand, option, format or rule without its man page
entry, completion or page fails."""
import json
import os
import re
import shutil
import subprocess
import sys

SRC = os.path.realpath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.environ.get('IOSPLAN_BIN', 'iosplan')
if os.sep in BIN:
    BIN = os.path.abspath(BIN)


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        if not cond:
            self.failed += 1
        print('%s %d - %s' % ('ok' if cond else 'not ok', self.n, name))
        if not cond and detail:
            for line in str(detail).splitlines()[:40]:
                print('# ' + line)
        sys.stdout.flush()
        return cond

    def done(self):
        print('1..%d' % self.n)
        return 1 if self.failed or not self.n else 0


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


def iosplan(*args, **kw):
    return run([BIN, *args], **kw)


# --- what the CLI says about itself -----------------------------------------

def subcommands():
    """The subcommands `iosplan --help` lists."""
    out = iosplan('--help').stdout
    block = out.split('commands:', 1)[1].split('\n\n', 1)[0]
    return [l.split()[0] for l in block.splitlines() if l.strip()]


def command_help(cmd):
    r = iosplan(cmd, '--help')
    return r.stdout + r.stderr


def command_options(cmd):
    return sorted(set(re.findall(r'(?<![\w-])(--[a-z][a-z0-9-]*)', command_help(cmd))))


def command_formats(cmd):
    """The format names of `--format a|b|c` in a command's help (audit
    lists them on the lines after `--format FMT`)."""
    text = command_help(cmd)
    names = set()
    for m in re.finditer(r'--format ([a-z]+(?:\|[a-z]+)+)', text):
        names.update(m.group(1).split('|'))
    m = re.search(r'--format FMT\s+(.*?)\n\s*--', text, re.S)
    if m:
        names.update(re.findall(r'\b([a-z]+)\b(?:\s*\([^)]*\))?', re.sub(r'\([^)]*\)', '', m.group(1))))
    return sorted(names)


def rule_ids():
    out = iosplan('rules').stdout
    return [l.split()[0] for l in out.splitlines() if l.strip()]


def config_keys():
    """The keys lint/config.c accepts in .iosplan.yaml."""
    with open(os.path.join(SRC, 'lint', 'config.c'), encoding='utf-8') as f:
        return sorted(set(re.findall(r'strcmp\(key, "([a-z_]+)"\)', f.read())))


# --- the man page --------------------------------------------------------------

def render_man(page):
    env = dict(os.environ, MANWIDTH='200', MAN_KEEP_FORMATTING='', LC_ALL='C.UTF-8')
    if shutil.which('man'):
        r = run(['man', '-l', '-P', 'cat', page], env=env)
    else:
        r = run(['groff', '-man', '-Tutf8', '-rLL=200n', page], env=env)
    text = re.sub(r'.\x08', '', r.stdout)
    return r.returncode, text, r.stderr


def section(text, title):
    m = re.search(r'^%s\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)' % re.escape(title), text, re.S | re.M)
    return m.group(1) if m else ''


def test_man(t, page):
    rc, text, err = render_man(page)
    t.ok(rc == 0 and 'iosplan' in text, 'man -l renders the page', err)
    t.ok(err.strip() == '', 'rendering prints no warning', err)
    g = run(['groff', '-man', '-z', '-ww', page])
    t.ok(g.returncode == 0 and g.stderr.strip() == '', 'groff -ww finds no problem', g.stderr)
    cmds = subcommands()
    t.ok(len(cmds) >= 9, 'iosplan --help lists the subcommands', cmds)
    described = section(text, 'COMMANDS')
    for c in cmds:
        t.ok(re.search(r'^\s+%s\b' % c, described, re.M) is not None,
             'COMMANDS describes %s' % c)
        t.ok(re.search(r'\biosplan %s\b' % c, section(text, 'SYNOPSIS')) is not None,
             'SYNOPSIS shows iosplan %s' % c)
        for o in command_options(c):
            t.ok(o in text, 'the page documents %s %s' % (c, o))
        for fmt in command_formats(c):
            fmts = section(text, 'OUTPUT FORMATS')
            row = re.search(r'^[\s\W]*%s[\s\W]+(.*)$' % c, fmts, re.M)
            t.ok(row is not None and re.search(r'\b%s\b' % fmt, row.group(1)) is not None,
                 'OUTPUT FORMATS lists %s for %s' % (fmt, c))
    for o in ('--help', '--version'):
        t.ok(o in section(text, 'GLOBAL OPTIONS'), 'GLOBAL OPTIONS has %s' % o)
    codes = section(text, 'EXIT STATUS')
    for code in ('0', '1', '2'):
        t.ok(re.search(r'^\s+%s\s*$' % code, codes, re.M) is not None, 'EXIT STATUS explains %s' % code)
    conf = section(text, 'CONFIGURATION')
    t.ok('.iosplan.yaml' in conf, 'CONFIGURATION names .iosplan.yaml')
    keys = config_keys()
    t.ok(len(keys) >= 6, 'lint/config.c keys found', keys)
    for k in keys:
        t.ok(re.search(r'\b%s:' % k, conf) is not None, 'CONFIGURATION shows the key %s' % k)


# --- completions ------------------------------------------------------------------

BASH_DRIVER = r'''
set -u
[ -n "${LOAD_BASH_COMPLETION:-}" ] && [ -r /usr/share/bash-completion/bash_completion ] &&
    . /usr/share/bash-completion/bash_completion
. "$1"; shift
complete -p iosplan >/dev/null || exit 3
COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
_iosplan iosplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
'''


def complete(script, words, full):
    env = dict(os.environ, LOAD_BASH_COMPLETION='1' if full else '')
    r = run(['bash', '--norc', '--noprofile', '-c', BASH_DRIVER, 'bash', script, *words], env=env)
    return r.returncode, sorted(w for w in r.stdout.split('\n') if w), r.stderr


def test_completion(t, bash_script, zsh_script):
    r = run(['bash', '--norc', '--noprofile', '-c', 'source "$1" && complete -p iosplan', 'bash', bash_script])
    t.ok(r.returncode == 0 and r.stderr == '', 'bash loads the completion without error', r.stderr)
    t.ok('-F _iosplan' in r.stdout and r.stdout.rstrip().endswith(' iosplan'),
         'complete -p iosplan shows the function', r.stdout)
    cmds = subcommands()
    for full in (False, True):
        how = 'with bash-completion' if full else 'plain bash'
        rc, words, err = complete(bash_script, ['iosplan', ''], full)
        t.ok(rc == 0 and err == '', '%s: completing runs cleanly' % how, err)
        t.ok(set(cmds) <= set(words), '%s: subcommands complete' % how, words)
        rc, words, err = complete(bash_script, ['iosplan', 'ver'], full)
        t.ok(words == ['verify', '--version'] or words == sorted(['verify']) or
             set(words) == {'verify'}, '%s: a prefix completes to the subcommand' % how, words)
        rc, words, err = complete(bash_script, ['iosplan', 'explain', ''], full)
        ids = rule_ids()
        t.ok(len(ids) >= 10 and set(ids) <= set(words), '%s: explain completes every rule id' % how,
             'want %s\ngot %s' % (ids, words))
        rc, words, err = complete(bash_script, ['iosplan', 'explain', 'boot-m'], full)
        t.ok(words == ['boot-missing-file'], '%s: explain boot-m completes one rule' % how, words)
    for c in cmds:
        rc, words, err = complete(bash_script, ['iosplan', c, '--'], False)
        missing = [o for o in command_options(c) if o not in words]
        t.ok(not missing, '%s: every option of its --help completes' % c, 'missing %s' % missing)
        fmts = command_formats(c)
        if fmts:
            rc, words, err = complete(bash_script, ['iosplan', c, '--format', ''], False)
            t.ok(set(fmts) <= set(words), '%s --format completes its formats' % c,
                 'want %s\ngot %s' % (fmts, words))
    if shutil.which('zsh'):
        r = run(['zsh', '-n', zsh_script])
        t.ok(r.returncode == 0 and r.stderr == '', 'zsh -n accepts the zsh completion', r.stderr)
    with open(zsh_script, encoding='utf-8') as f:
        z = f.read()
    t.ok(z.startswith('#compdef iosplan'), 'the zsh completion starts with #compdef iosplan')
    t.ok(all(i in z for i in rule_ids()), 'the zsh completion has every rule id')
    t.ok(all("'%s:" % c in z for c in cmds), 'the zsh completion has every subcommand')


# --- --version -------------------------------------------------------------------------

def test_version(t, version):
    r = iosplan('--version')
    lines = r.stdout.splitlines()
    t.ok(r.returncode == 0 and r.stderr == '', 'iosplan --version exits 0', r.stderr)
    t.ok(lines and lines[0] == 'iosplan %s' % version, 'the first line is the version', lines)
    for lib, pc in (('libyaml', 'yaml-0.1'), ('PCRE2', 'libpcre2-8'), ('cJSON', 'libcjson'),
                    ('OpenSSL', 'openssl'), ('libarchive', 'libarchive')):
        line = next((l for l in lines if l.startswith(lib + ' ')), None)
        t.ok(line is not None and re.match(r'%s \d+\.\d+' % lib, line) is not None,
             '--version names %s with its version' % lib, r.stdout)
        pcv = run(['pkg-config', '--modversion', pc]).stdout.strip() if shutil.which('pkg-config') else ''
        if line and pcv:
            major_minor = '.'.join(pcv.split('.')[:2])
            t.ok(re.search(r'\b%s\b' % re.escape(major_minor), line) is not None,
                 '%s at run time is the %s built against' % (lib, major_minor), line)
    r = iosplan('--version', 'extra')
    t.ok(r.returncode == 2, '--version with an argument is a usage error')


# --- lint --format codeclimate -----------------------------------------------------

CC_SEVERITIES = {'info', 'minor', 'major', 'critical', 'blocker'}
CC_FROM_LINT = {'error': 'critical', 'warning': 'minor', 'note': 'info'}


def lint_json(fmt, files, cwd=SRC, extra=()):
    r = iosplan('lint', '--format', fmt, *extra, *files, cwd=cwd)
    return r.returncode, json.loads(r.stdout) if r.stdout.strip() else None, r.stderr


def check_issue(t, i, name):
    """Every field GitLab documents, with its type."""
    ok = isinstance(i, dict)
    ok = ok and isinstance(i.get('description'), str) and i['description'] != ''
    ok = ok and isinstance(i.get('check_name'), str) and re.fullmatch(r'[a-z0-9-]+', i['check_name'])
    ok = ok and isinstance(i.get('fingerprint'), str) and re.fullmatch(r'[0-9a-f]{32}', i['fingerprint'])
    ok = ok and i.get('severity') in CC_SEVERITIES
    loc = i.get('location') if ok else None
    ok = ok and isinstance(loc, dict) and isinstance(loc.get('path'), str) and loc['path'] != ''
    lines = loc.get('lines') if ok else None
    ok = ok and isinstance(lines, dict) and type(lines.get('begin')) is int and lines['begin'] >= 1
    ok = ok and i.get('type') == 'issue' and isinstance(i.get('categories'), list)
    return t.ok(bool(ok), '%s: %s has every documented field with its type' %
                (name, i.get('check_name') if isinstance(i, dict) else i), json.dumps(i, indent=1))


def cc_cases():
    """(name, files, extra options): every sample with findings, and targets
    that make the target rules fire."""
    traps = sorted(os.path.join('samples', 'traps', f) for f in os.listdir(os.path.join(SRC, 'samples', 'traps')))
    return [
        ('traps', traps, ()),
        ('seed router with a target', ['samples/netstuts-r1.log'],
         ('--target', 'isr4300-universalk9.16.12.04.SPA.bin', '--size', '521347072',
          '--md5', 'a3f8c12d9e4b72f1c8d5a0e3b6f91234')),
        ('md5 mismatch with the catalogue', ['samples/traps/md5-mismatch.log'],
         ('--catalog', 'samples/images.yaml')),
        ('platform mismatch (no span)', ['samples/netstuts-sw1.log'],
         ('--target', 'isr4300-universalk9.16.12.04.SPA.bin')),
        ('seed switch', ['samples/netstuts-sw1.log'], ()),
    ]


def test_codeclimate(t):
    ids = set(rule_ids())
    total = 0
    for name, files, extra in cc_cases():
        rc, cc, err = lint_json('codeclimate', files, extra=extra)
        rcj, js, _ = lint_json('json', files, extra=extra)
        t.ok(cc is not None and isinstance(cc, list), '%s: the output is a JSON array' % name, err)
        if cc is None:
            continue
        t.ok(rc == rcj, '%s: the exit code is the same as with --format json' % name)
        findings = [f for d in js['devices'] for f in d['findings']]
        t.ok(len(cc) == len(findings), '%s: one issue per finding (%d)' % (name, len(findings)),
             '%d issues' % len(cc))
        for i in cc:
            check_issue(t, i, name)
        for i, f in zip(cc, findings):
            t.ok(i['check_name'] == f['rule'] and i['check_name'] in ids,
                 '%s: check_name %s is the rule id' % (name, i['check_name']))
            t.ok(i['severity'] == CC_FROM_LINT[f['severity']],
                 '%s: %s %s is %s' % (name, f['rule'], f['severity'], i['severity']), i['severity'])
            t.ok(f['message'] in i['description'], '%s: the description holds the message' % name)
            want_path = f['location']['file'] if f['location'] else None
            if want_path:
                t.ok(i['location']['path'] == want_path and i['location']['lines']['begin'] == f['location']['line'],
                     '%s: location is the finding\'s file as given and line' % name, i['location'])
            else:
                t.ok(i['location']['path'] in files, '%s: a finding with no span points at its capture' % name,
                     i['location'])
        fps = [i['fingerprint'] for i in cc]
        t.ok(len(set(fps)) == len(fps), '%s: fingerprints are unique' % name, fps)
        rc2, cc2, _ = lint_json('codeclimate', files, extra=extra)
        t.ok(cc2 == cc, '%s: a second run prints the same report' % name)
        total += len(cc)
    t.ok(total >= 10, 'the cases produce findings (%d)' % total)

    # Relative paths stay as given; fingerprints survive moved lines.
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'captures'))
        src = os.path.join(SRC, 'samples', 'traps', 'missing-boot-file.log')
        with open(src, encoding='utf-8', errors='surrogateescape') as f:
            text = f.read()
        with open(os.path.join(tmp, 'captures', 'r1.log'), 'w', encoding='utf-8', errors='surrogateescape') as f:
            f.write(text)
        rc, a, _ = lint_json('codeclimate', ['captures/r1.log'], cwd=tmp)
        t.ok(a and all(i['location']['path'] == 'captures/r1.log' for i in a),
             'a relative path is printed as given', a)
        rc, b, _ = lint_json('codeclimate', ['./captures/r1.log'], cwd=tmp)
        t.ok(b and all(i['location']['path'] == './captures/r1.log' for i in b),
             './captures/r1.log is printed as given', b)
        with open(os.path.join(tmp, 'captures', 'r1.log'), 'w', encoding='utf-8', errors='surrogateescape') as f:
            f.write('\n\n\n' + text)
        rc, c, _ = lint_json('codeclimate', ['captures/r1.log'], cwd=tmp)
        t.ok(c and [i['fingerprint'] for i in c] == [i['fingerprint'] for i in a],
             'fingerprints do not change when the lines move')
        t.ok(c and [i['location']['lines']['begin'] for i in c] == [i['location']['lines']['begin'] + 3 for i in a],
             'the lines move with the text')
        # Two devices with the same finding: different fingerprints.
        with open(os.path.join(tmp, 'captures', 'twice.log'), 'w', encoding='utf-8', errors='surrogateescape') as f:
            f.write(text)
        rc, d, _ = lint_json('codeclimate', ['captures/r1.log', 'captures/twice.log'], cwd=tmp)
        fps = [i['fingerprint'] for i in d or []]
        t.ok(d and len(set(fps)) == len(fps), 'identical findings in two files get distinct fingerprints', fps)
    rc, clean, _ = lint_json('codeclimate', ['samples/netstuts-r1.log'])
    t.ok(rc == 0 and isinstance(clean, list), 'a clean capture gives an array (exit 0)', clean)


# --- rule pages ----------------------------------------------------------------------

def registry_ids():
    """The rules compiled in: rules/rules.def."""
    with open(os.path.join(SRC, 'rules', 'rules.def'), encoding='utf-8') as f:
        return re.findall(r'^IP_RULE\(\w+,\s*"([^"]+)"\)', f.read(), re.M)


def test_rule_pages(t, pages_dir):
    reg = registry_ids()
    listed = rule_ids()
    t.ok(len(reg) >= 10, 'rules.def lists the rules (%d)' % len(reg))
    t.ok(sorted(reg) == sorted(listed), 'iosplan rules lists the registry', '%s\n%s' % (reg, listed))
    pages = sorted(f[:-3] for f in os.listdir(pages_dir) if f.endswith('.md') and f != 'index.md')
    missing = sorted(set(reg) - set(pages))
    t.ok(not missing, 'every rule has a page', 'no page for %s' % missing)
    extra = sorted(set(pages) - set(reg))
    t.ok(not extra, 'every page is of a rule', 'pages of no rule: %s' % extra)
    with open(os.path.join(pages_dir, 'index.md'), encoding='utf-8') as f:
        index = f.read()
    for rid in reg:
        path = os.path.join(pages_dir, rid + '.md')
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            text = f.read()
        t.ok(text.startswith('# %s\n' % rid), '%s: the page is titled with the id' % rid)
        for head in ('## What it catches', '## Why it matters', '## The bad capture',
                     '## The fixed one', '## Fix', '## Silence it'):
            t.ok(head in text, '%s: the page has %s' % (rid, head))
        bad = text.split('## The bad capture', 1)[-1].split('## The fixed one', 1)[0]
        t.ok(re.search(r'^\S+?(:\d+:\d+)?: (error|warning|note): .*\[%s\]$' % re.escape(rid), bad, re.M)
             is not None, '%s: the bad capture section shows the finding' % rid, bad)
        t.ok('%s: off' % rid in text, '%s: the page says how to silence it' % rid)
        t.ok('](%s.md)' % rid in index, '%s: index.md links the page' % rid)
        r = iosplan('explain', rid)
        m = re.search(r'^page: (.+)$', r.stdout, re.M)
        t.ok(r.returncode == 0 and m is not None and os.path.samefile(m.group(1), path),
             '%s: iosplan explain points at the page' % rid, r.stdout[-300:])
    r = iosplan('lint', '--format', 'sarif', 'samples/traps/alphabetical.log', 'samples/traps/register-2142.log',
                cwd=SRC)
    rules = json.loads(r.stdout)['runs'][0]['tool']['driver']['rules']
    t.ok(len(rules) >= 2, 'SARIF lists rules')
    for rule in rules:
        uri = rule.get('helpUri', '')
        t.ok(uri.startswith('file://') and os.path.exists(uri[len('file://'):]) and
             uri.endswith('/%s.md' % rule['id']), 'SARIF helpUri of %s is its page' % rule['id'], uri)


# --- the README walkthrough -------------------------------------------------------------

def walkthrough_blocks(readme):
    """The ```console blocks of the walkthrough: [(command, exit, lines)]."""
    with open(readme, encoding='utf-8') as f:
        text = f.read()
    part = text.split('\n## Walkthrough', 1)[1].split('\n## ', 1)[0]
    steps = []
    for block in re.findall(r'^```console\n(.*?)^```', part, re.S | re.M):
        for chunk in re.split(r'^(?=\$ )', block, flags=re.M):
            if not chunk.startswith('$ '):
                continue
            lines = chunk.splitlines()
            m = re.search(r'^\[exit (\d+)\]$', chunk, re.M)
            shown = [l for l in lines[1:] if not re.match(r'^\[exit \d+\]$', l) and l.strip() not in ('', '...')]
            steps.append((lines[0][2:], int(m.group(1)) if m else None, shown))
    return steps


def test_readme(t):
    import shlex
    steps = walkthrough_blocks(os.path.join(SRC, 'README.md'))
    t.ok(len(steps) >= 6, 'the walkthrough has its commands (%d)' % len(steps))
    seen = set()
    for cmd, code, shown in steps:
        words = shlex.split(cmd)
        t.ok(words[0] == 'iosplan', 'a walkthrough command runs iosplan: %s' % cmd)
        t.ok(code is not None, 'the README gives the exit code of: %s' % cmd)
        seen.add(words[1] if len(words) > 1 else '')
        r = iosplan(*words[1:], cwd=SRC)
        t.ok(r.returncode == code, 'exit %s: %s' % (code, cmd), 'exit %d\n%s' % (r.returncode, r.stderr))
        out = (r.stdout + r.stderr).splitlines()
        for line in shown:
            t.ok(line in out, 'it prints %r' % line[:70], '\n'.join(out[:30]))
        for path in words[2:]:
            if path.startswith('samples/'):
                t.ok(os.path.exists(os.path.join(SRC, path)), 'the sample %s exists' % path)
    for sub in ('facts', 'lint', 'plan', 'verify'):
        t.ok(sub in seen, 'the walkthrough runs iosplan %s' % sub)


# --- the pipeline examples ---------------------------------------------------------------

def captures_repo(tmp, samples):
    """A repository as the examples expect it: captures/*.log and
    captures/images.yaml, copied from the samples."""
    os.makedirs(os.path.join(tmp, 'captures'))
    shutil.copy(os.path.join(SRC, 'samples', 'images.yaml'), os.path.join(tmp, 'captures', 'images.yaml'))
    for s in samples:
        shutil.copy(os.path.join(SRC, s), os.path.join(tmp, 'captures', os.path.basename(s)))


def run_script(script, cwd):
    """A pipeline's shell lines, run by sh -e as the runners do, with the
    iosplan under test first in PATH."""
    env = dict(os.environ, PATH=os.path.dirname(BIN) + os.pathsep + os.environ.get('PATH', ''))
    return subprocess.run(['sh', '-ec', script], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


EXAMPLE_CASES = [  # captures, expected exit code
    (['samples/netstuts-r1.log', 'samples/netstuts-sw1.log'], 0),
    (['samples/netstuts-r1.log', 'samples/traps/md5-mismatch.log', 'samples/traps/register-2142.log'], 1),
]


def test_github(t, yaml):
    import tempfile
    with open(os.path.join(SRC, 'examples', 'github-actions.yml'), encoding='utf-8') as f:
        wf = yaml.safe_load(f)
    on = wf.get('on', wf.get(True))  # YAML 1.1 reads the key `on` as true
    t.ok(isinstance(on, dict) and 'pull_request' in on, 'github: runs on pull requests')
    t.ok(wf.get('permissions', {}).get('security-events') == 'write', 'github: may upload to code scanning')
    steps = [s for job in wf['jobs'].values() for s in job['steps']]
    lint = [s for s in steps if 'iosplan lint' in s.get('run', '')]
    upload = [s for s in steps if s.get('uses', '').startswith('github/codeql-action/upload-sarif@')]
    t.ok(len(lint) == 1 and len(upload) == 1, 'github: one lint step, one upload-sarif step')
    if len(lint) != 1 or len(upload) != 1:
        return
    t.ok(upload[0].get('if') == 'always()', 'github: the SARIF is uploaded even when lint fails')
    script = lint[0]['run']
    m = re.search(r'--format sarif .*> *(\S+)', script)
    t.ok(m is not None and upload[0]['with']['sarif_file'] == m.group(1),
         'github: upload-sarif reads the file lint writes', script)
    for samples, code in EXAMPLE_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            captures_repo(tmp, samples)
            r = run_script(script, tmp)
            t.ok(r.returncode == code, 'github: the lint step exits %d on %s' % (code, samples), r.stderr)
            try:
                with open(os.path.join(tmp, upload[0]['with']['sarif_file']), encoding='utf-8') as f:
                    sarif = json.load(f)
            except (OSError, ValueError) as e:
                sarif = None
                err = e
            t.ok(sarif is not None and sarif.get('version') == '2.1.0', 'github: the file is SARIF 2.1.0',
                 sarif is None and err)
            if sarif:
                results = sarif['runs'][0]['results']
                t.ok((len([x for x in results if x.get('level') == 'error']) > 0) == (code == 1),
                     'github: error results exactly when the step fails')
                uris = {l['physicalLocation']['artifactLocation'].get('uri') for x in results
                        for l in x.get('locations', []) if 'physicalLocation' in l}
                t.ok(all(u and u.startswith('captures/') for u in uris),
                     'github: locations are repository paths (captures/...)', uris)


def test_gitlab(t, yaml):
    import tempfile
    with open(os.path.join(SRC, 'examples', 'gitlab-ci.yml'), encoding='utf-8') as f:
        ci = yaml.safe_load(f)
    jobs = [j for j in ci.values() if isinstance(j, dict) and 'script' in j]
    t.ok(len(jobs) == 1, 'gitlab: one job')
    job = jobs[0]
    report = job.get('artifacts', {}).get('reports', {}).get('codequality')
    t.ok(isinstance(report, str), 'gitlab: publishes artifacts:reports:codequality')
    t.ok(job['artifacts'].get('when') == 'always', 'gitlab: the report is kept when the job fails')
    script = '\n'.join(job['script'])
    t.ok('--format codeclimate' in script and ('> ' + str(report)) in script,
         'gitlab: the script writes the codeclimate report there', script)
    for samples, code in EXAMPLE_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            captures_repo(tmp, samples)
            r = run_script(script, tmp)
            t.ok(r.returncode == code, 'gitlab: the script exits %d on %s' % (code, samples), r.stderr)
            try:
                with open(os.path.join(tmp, report), encoding='utf-8') as f:
                    issues = json.load(f)
            except (OSError, ValueError):
                issues = None
            t.ok(isinstance(issues, list), 'gitlab: the report is a JSON array')
            for i in issues or []:
                check_issue(t, i, 'gitlab')
                t.ok(i['location']['path'].startswith('captures/'), 'gitlab: paths are repository paths',
                     i['location'])
            t.ok(issues is not None and any(i['severity'] == 'critical' for i in issues) == (code == 1),
                 'gitlab: critical issues exactly when the job fails')


def test_precommit(t, yaml):
    import tempfile
    with open(os.path.join(SRC, '.pre-commit-hooks.yaml'), encoding='utf-8') as f:
        hooks = yaml.safe_load(f)
    hook = next((h for h in hooks if h.get('id') == 'iosplan-lint'), None)
    t.ok(hook is not None, 'pre-commit: the hook iosplan-lint is defined')
    if not hook:
        return
    t.ok(hook['entry'].split()[:2] == ['iosplan', 'lint'], 'pre-commit: the entry is iosplan lint')
    t.ok(hook.get('language') == 'system' and hook.get('require_serial') is True,
         'pre-commit: system language, one run for all files')
    pattern = re.compile(hook['files'])
    for name in ('samples/netstuts-r1.log', 'samples/bare/show_version.txt', 'samples/bare/running-config.cfg'):
        t.ok(pattern.search(name) is not None, 'pre-commit: %s is a capture' % name)
    for name in ('README.md', 'samples/images.yaml', '.iosplan.yaml'):
        t.ok(pattern.search(name) is None, 'pre-commit: %s is not' % name)
    import shlex
    for samples, code in EXAMPLE_CASES:
        with tempfile.TemporaryDirectory() as tmp:
            captures_repo(tmp, samples)
            files = sorted('captures/' + f for f in os.listdir(os.path.join(tmp, 'captures'))
                           if pattern.search(f))
            # pre-commit runs: entry, args, the file names.
            cmd = ' '.join([hook['entry']] + [shlex.quote(a) for a in hook.get('args', [])] +
                           ['--catalog', 'captures/images.yaml'] + files)
            r = run_script(cmd, tmp)
            t.ok(r.returncode == code, 'pre-commit: exits %d on %s' % (code, samples), r.stderr)
            lines = [l for l in r.stdout.splitlines() if l]
            t.ok(all(re.match(r'^\S+(:\d+:\d+)?: (error|warning|note): .* \[[a-z-]+\]$', l) for l in lines),
                 'pre-commit: one gcc-style line per finding', r.stdout[:500])
            t.ok(any(': error: ' in l for l in lines) == (code == 1), 'pre-commit: errors exactly when it fails')


def test_examples(t):
    import yaml
    test_github(t, yaml)
    test_gitlab(t, yaml)
    test_precommit(t, yaml)


def main():
    t = Tap()
    name, args = sys.argv[1], sys.argv[2:]
    globals()['test_' + name.replace('-', '_')](t, *args)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
