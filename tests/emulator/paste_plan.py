#!/usr/bin/python3
"""Paste iosplan's text plans into the emulated device (issue 24, point 3).

For each case: a server root holding the target image (a few KiB whose
md5 and size are given to `iosplan plan`), the emulator started on a free
port from the sample capture, then the plan pasted phase by phase over
SSH as an engineer pastes it: every line that is not a comment, the typed
answers (the empty lines) included, one step at a time; the output of the
step is compared with its `expect:` lines (`expect one of:` any of them),
and a failed expectation stops the paste. An `if asked: PROMPT -> ANSWER`
is typed when the device asks it. After the reload the runner waits for
the device and logs in again, then goes on with the post-checks.

Cases: the seed router and switch end on the target (and the clean-up
leaves the target first and alone), over TFTP and SCP; the rollback phase
brings the old image back; `iosplan verify` on what the device shows after
the transfer, the save and the reload names that stage and passes; a
corrupted server copy stops at the MD5 gate; a target that fails to load comes back on the fallback and the
post-check fails on the release line. Prints TAP."""
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time

import logging

import paramiko

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tap import Tap  # noqa: E402

logging.getLogger("paramiko").setLevel(logging.CRITICAL + 1)

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.realpath(os.path.join(HERE, '..', '..'))
BIN = os.path.abspath(os.environ.get('IOSPLAN_BIN', 'iosplan'))
QUESTION = re.compile(r'(\[[^\]\n]*\]\? ?|\[confirm\]|\[yes/no\]: ?|\[y/n\] ?|Password: ?)$')
# The steps after which the device reloads by itself: `reload`, and the
# install operations that activate, roll back or abort (they print their
# result and the prompt, then reload).
RELOADS = re.compile(r'^(reload\b|install (add .*\bactivate\b|activate\b|rollback\b|abort\b))')


class Emulator:
    def __init__(self, capture, root):
        self.p = subprocess.Popen([sys.executable, os.path.join(HERE, 'iosemu.py'),
                                   '--capture', capture, '--server-root', root],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.p.stdout.readline()
        if not line.startswith('PORT '):
            # it could not load the capture: say why (its last words)
            err = self.p.stderr.read().strip().splitlines()
            self.p.wait()
            raise RuntimeError(err[-1] if err else 'the emulator did not start')
        self.port = int(line.split()[1])
        self.host = None

    def stop(self):
        self.p.kill()
        self.p.wait()


class Term:
    """One SSH login: send text, read until the device waits."""

    def __init__(self, port, tries=100):
        for _ in range(tries):
            try:
                self.c = paramiko.SSHClient()
                self.c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
                self.c.connect('127.0.0.1', port, 'admin', 'admin', look_for_keys=False,
                               allow_agent=False, timeout=5, banner_timeout=5, auth_timeout=5)
                self.ch = self.c.invoke_shell(width=512)
                self.read_until_idle()
                return
            except Exception:
                time.sleep(0.1)
        raise RuntimeError('the device did not come back')

    def read_until_idle(self, idle=0.3, limit=20):
        out = b''
        end = time.time() + limit
        last = time.time()
        while time.time() < end:
            if self.ch.recv_ready():
                out += self.ch.recv(65536)
                last = time.time()
                continue
            if self.ch.closed or self.ch.exit_status_ready():
                break
            text = out.decode(errors='replace')
            if time.time() - last > idle and (re.search(r'[>#] ?$', text) or QUESTION.search(text)):
                break
            if time.time() - last > 3:
                break
            time.sleep(0.02)
        return out.decode(errors='replace').replace('\r', '')

    def send(self, s):
        self.ch.send(s)

    def closed(self):
        return self.ch.closed or self.c.get_transport() is None or \
            not self.c.get_transport().is_active()


def parse_plan(text):
    """[(phase title, [step])]; a step: lines to paste, expect lines,
    expect_any lines, if-asked (prompt, answer) pairs, by-hand answers."""
    phases = []
    step = None
    for line in text.splitlines():
        m = re.match(r'^! ===== \d+\. (.*) =====$', line)
        if m:
            phases.append((m.group(1), []))
            step = None
            continue
        m = re.match(r'^! (\d+\.\d+) (.*)$', line)
        if m and phases:
            step = {'no': m.group(1), 'title': m.group(2), 'lines': [], 'expect': [],
                    'any': [], 'asked': [], 'gate': False}
            phases[-1][1].append(step)
            continue
        if step is None:
            continue
        m = re.match(r'^!   expect: (.*)$', line)
        if m:
            step['expect'].append(m.group(1))
            continue
        m = re.match(r'^!   expect one of: (.*)$', line) or re.match(r'^!              or: (.*)$',
                                                                       line)
        if m:
            step['any'].append(m.group(1))
            continue
        # a word only the operator can fill in: `!   replace ID with: the
        # ID of the rollback point show install rollback lists for ...`
        m = re.match(r'^!   replace (\S+) with: (.*)$', line)
        if m:
            step['replace'] = m.group(1)
            continue
        m = re.match(r'^!   (?:if asked|answer): (.*) -> (.*)$', line)
        if m:
            step['asked'].append((m.group(1), m.group(2)))
            continue
        # a step typed by hand: `!   answer y to the prompt: Do you want
        # to remove the above files? [y/n]`
        m = re.match(r'^!   answer (\S+) to the prompt: (.*)$', line)
        if m:
            step['asked'].append((m.group(2), m.group(1)))
            continue
        if line.startswith('!   STOP'):
            step['gate'] = True
        if line.startswith('!'):
            continue
        step['lines'].append(line)
    return phases


def answer_for(asked, out):
    """The typed answer to the question the output ends with, if the plan
    names it: Enter, a word, or the SCP account's user name / password."""
    tail = out.rstrip(' ').splitlines()[-1] if out.strip() else ''
    for prompt, ans in asked:
        if tail.strip().startswith(prompt.strip().rstrip('?:').split(' [')[0]):
            if ans.startswith('Enter'):
                return ''
            if 'password' in ans:
                return 'secret'
            if 'user name' in ans:
                return 'admin'
            return ans
    return None


def paste(term, step, log):
    """Paste a step; return (output, error or None)."""
    out = ''
    lines = list(step['lines'])
    if step.get('replace'):
        # what the engineer does: read the rollback points off the device
        # and type the one from before the upgrade (the oldest listed;
        # each commit adds a newer one) in place of the word
        term.send('show install rollback\r')
        listed = term.read_until_idle()
        ids = [int(i) for i in re.findall(r'^(\d+)\s+', listed, re.M)]
        if not ids:
            return listed, 'no rollback point listed'
        lines[-1] = re.sub(r'(?<!\S)%s(?!\S)' % re.escape(step['replace']), str(min(ids)),
                           lines[-1])
        log.append('typed: %s' % lines[-1])
    term.send(''.join(l + '\r' for l in lines))
    for _ in range(20):
        chunk = term.read_until_idle()
        out += chunk
        if term.closed():
            break
        if QUESTION.search(out.rstrip('\n')) and not re.search(r'[>#] ?$', out):
            a = answer_for(step['asked'], out)
            if a is None:
                break
            term.send(a + '\r')
            continue
        if re.search(r'[>#] ?$', out) or not chunk:
            break
    log.append('--- %s %s\n%s' % (step['no'], step['title'], out))
    for e in step['expect']:
        if e not in out:
            return out, 'expect not met: %r' % e
    if step['any'] and not any(e in out for e in step['any']):
        return out, 'none of %r' % step['any']
    return out, None


def capture(emu, cmds):
    """What an engineer captures for `iosplan verify`: the commands and
    their output, each after its prompt, as the samples are."""
    t = Term(emu.port)
    out = ''
    for c in cmds:
        t.send(c + '\r')
        out += t.read_until_idle()
    return out[out.index('#') - len(out[:out.index('#')].split('\n')[-1]):]


def verify(emu, cap, target, md5, size, fs):
    """`iosplan verify` of the before-capture and one taken now:
    (exit code, the stage line)."""
    cmds = ['terminal length 0', 'show version', 'show %s' % fs,
            'show running-config | include boot', 'show startup-config | include boot',
            'verify /md5 %s%s %s' % (fs, target, md5)]
    if fs == 'flash:':
        cmds.append('show boot')
    with tempfile.TemporaryDirectory() as tmp:
        after = os.path.join(tmp, 'after.log')
        open(after, 'w').write(capture(emu, cmds))
        r = subprocess.run([BIN, 'verify', '--before', cap, '--after', after, '--target', target,
                            '--md5', md5, '--size', str(size)],
                           capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout


def run_plan(emu, plan, phases_wanted, log):
    """Paste the phases named; return (last step number, error or None)."""
    term = Term(emu.port)
    last = None
    for title, steps in parse_plan(plan):
        if title not in phases_wanted:
            continue
        for st in steps:
            last = st['no']
            if term.closed():
                term = Term(emu.port)
            out, err = paste(term, st, log)
            if err:
                return last, err
            if any(RELOADS.match(l) for l in st['lines']):
                # The device drops the session when the timer fires.
                end = time.time() + 30
                while not term.closed() and time.time() < end:
                    term.read_until_idle(limit=1)
                time.sleep(0.2)
                term = Term(emu.port)
    return last, None


def members(capture):
    """The stack members other than the master that the capture lists
    a flash of (`dir flash2:`)."""
    return [int(n) for n in re.findall(r'#(?:dir|show) (?:/recursive )?flash-?(\d+):$', open(capture).read(),
                                       re.M)]


def members_on_target(term, capture, version):
    """Every member Ready in show switch and every row of show version's
    switch table on the master's release: (yes?, what they printed)."""
    term.send('show switch\r')
    sw = term.read_until_idle()
    term.send('show version | begin Switch Ports\r')
    sw += term.read_until_idle()
    rows = re.findall(r'^\*?\s+\d+\s+\d+\s+\S+\s+(\S+)', sw, re.M)
    return (sw.count('Ready') == len(members(capture)) + 1 and len(set(rows)) == 1 and
            rows[0] in version), sw


def runs_target(version, target):
    """show version names the target: its file, or on an install-mode
    switch (packages.conf) its release (`Version 17.12.04`)."""
    t = re.match(r'^(.+)-tar\.(.+)\.tar$', target)
    if t:
        # archive download-sw's folder and image: X-tar.V.tar -> X-mz.V/X-mz.V.bin
        return '%s-mz.%s.bin"' % t.groups() in version
    m = re.search(r'\.(\d\d\.\d\d\.\d\d[a-z]?)\.SPA\.bin$', target)
    return target in version or bool(m and 'packages.conf' in version and
                                      'Version %s\n' % m.group(1) in version)


def image(path, name, bad=False):
    data = (b'BAD-IMAGE ' if bad else b'IMAGE ') + name.encode() + b'\n' + \
        hashlib.sha256(name.encode()).digest() * 200
    with open(path, 'wb') as f:
        f.write(data)
    return hashlib.md5(data).hexdigest(), len(data)


def plan_for(capture, target, md5, size, extra=()):
    r = subprocess.run([BIN, 'plan', '--target', target, '--md5', md5, '--size', str(size),
                        '--tftp-server', '192.168.1.100'] + list(extra) + [capture],
                       capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout + r.stderr


ALL = ['pre-checks', 'transfer', 'verify', 'boot statements', 'save', 'reload',
       'post-checks']

CASES = [
    # name, capture, target, mode, extra plan options
    ('seed router', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin', 'ok', []),
    ('seed switch', 'netstuts-sw1.log', 'c2960-lanbasek9-mz.152-7.E9.bin', 'ok', []),
    ('seed router over SCP', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin', 'ok',
     ['--transfer', 'scp']),
    ('seed switch over SCP', 'netstuts-sw1.log', 'c2960-lanbasek9-mz.152-7.E9.bin', 'ok',
     ['--transfer', 'scp']),
    ('seed router, verified at each stage', 'netstuts-r1.log',
     'isr4300-universalk9.16.12.04.SPA.bin', 'verify', []),
    ('seed switch, verified at each stage', 'netstuts-sw1.log',
     'c2960-lanbasek9-mz.152-7.E9.bin', 'verify', []),
    ('seed switch, rolled back', 'netstuts-sw1.log', 'c2960-lanbasek9-mz.152-7.E9.bin',
     'rollback', []),
    ('seed router, rolled back', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin',
     'rollback', []),
    # issue 24 pt 1: an install-mode Cat9300, the one-shot install add
    # and the two-step form with its auto-abort timer and commit.
    ('install-mode switch', 'c9300-install.log', 'cat9k_iosxe.17.12.04.SPA.bin', 'ok', []),
    ('install-mode switch, two-step', 'c9300-install.log', 'cat9k_iosxe.17.12.04.SPA.bin', 'ok',
     ['--install-steps', 'two-step']),
    # issue 24: install rollback to id N, N read off show install rollback
    ('install-mode switch, rolled back', 'c9300-install.log', 'cat9k_iosxe.17.12.04.SPA.bin',
     'rollback', []),
    ('install-mode switch, two-step, rolled back', 'c9300-install.log',
     'cat9k_iosxe.17.12.04.SPA.bin', 'rollback', ['--install-steps', 'two-step']),
    # issue 24 pt 2: a 2960-X stack of two: the copy to flash2:, `boot
    # system switch all`, both members' BOOT, every member rebooted
    ('2960-X stack', 'stack-2960x-bundle.log', 'c2960x-universalk9-mz.152-7.E9.bin', 'ok', []),
    ('2960-X stack, member 2 loses its copy', 'stack-2960x-bundle.log',
     'c2960x-universalk9-mz.152-7.E9.bin', 'member-old', []),
    ('seed router, immediate reload', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin',
     'ok', ['--reload-in', '0']),
    ('seed router, corrupted server copy', 'netstuts-r1.log',
     'isr4300-universalk9.16.12.04.SPA.bin', 'corrupt', []),
    ('seed switch, target fails to load', 'netstuts-sw1.log', 'c2960-lanbasek9-mz.152-7.E9.bin',
     'bad', []),
    ('seed router, target fails to load', 'netstuts-r1.log',
     'isr4300-universalk9.16.12.04.SPA.bin', 'bad', []),
]


def main():
    tap = Tap(60)
    ok = tap.ok

    only = os.environ.get('IOSEMU_ONLY')  # a developer's filter: cases whose name has it
    for name, cap, target, mode, extra in CASES:
        if only and only not in name:
            continue
        with tempfile.TemporaryDirectory() as root:
            md5, size = image(os.path.join(root, target), target, bad=(mode == 'bad'))
            if mode == 'corrupt':  # the server copy differs from the published one
                with open(os.path.join(root, target), 'r+b') as f:
                    f.seek(100)
                    f.write(b'X')
            capture = os.path.join(SRC, 'samples', cap)
            rc, plan = plan_for(capture, target, md5, size, extra)
            if not ok(rc == 0, '%s: iosplan plans it' % name, plan):
                continue
            emu = Emulator(capture, root)
            log = []
            capture_path = capture
            try:
                last, err = run_plan(emu, plan, ALL if mode != 'verify' else [], log)
                detail = '\n'.join(log) + '\n' + (err or '')
                if mode == 'verify':
                    # iosplan verify on what the device shows at each stage
                    fs = 'bootflash:' if 'r1' in cap else 'flash:'
                    for phases, stage in ((ALL[:3], 'after transfer'),
                                          (ALL[3:5], 'after boot-statement change and save'),
                                          (ALL[5:], 'after reload')):
                        last, err = run_plan(emu, plan, phases, log)
                        rc, out = verify(emu, capture_path, target, md5, size, fs)
                        ok(err is None and rc == 0 and ': %s\n' % stage in out,
                           '%s: through %s, iosplan verify says %s and passes'
                           % (name, phases[-1], stage),
                           '\n'.join(log[-3:]) + '\n' + (err or '') + '\n' + out)
                elif mode == 'ok':
                    ok(err is None, '%s: every expect line met through the post-checks' % name,
                       detail)
                    last, err = run_plan(emu, plan, ['clean-up (deferred)'], log)
                    ok(err is None, '%s: the clean-up runs' % name,
                       '\n'.join(log) + '\n' + (err or ''))
                    t = Term(emu.port)
                    t.send('show version\r')
                    v = t.read_until_idle()
                    ok(runs_target(v, target), '%s: the device runs the target' % name, v)
                    t.send('show %s\r' % ('bootflash:' if 'r1' in cap else 'flash:'))
                    fl = t.read_until_idle()
                    if 'packages.conf' in v:
                        # install remove inactive: no .bin left, and the
                        # packages of no release but the target's
                        rel = target.split('.', 1)[1].rsplit('.SPA', 1)[0]
                        pkgs = re.findall(r'(\S+)\.SPA\.pkg', fl)
                        ok(pkgs and '.bin' not in fl and all(p.endswith('.' + rel) for p in pkgs),
                           '%s: the clean-up leaves only the target\'s packages' % name, fl)
                    else:
                        for mem in members(capture):
                            t.send('dir flash%d:\r' % mem)
                            fl += t.read_until_idle()
                        # an image is a .bin with a release in its name
                        # (nvram_backup.bin is not one)
                        ok(target in fl and not re.search(r'[\w.-]+\d[\w.-]*\.bin\b',
                                                          fl.replace(target, '')),
                           '%s: the clean-up leaves exactly the target image (every member)'
                           % name, fl)
                    if members(capture):
                        good, sw = members_on_target(t, capture, v)
                        ok(good, '%s: every member came back on the target' % name, sw)
                elif mode == 'rollback':
                    ok(err is None, '%s: every expect line met through the post-checks' % name,
                       detail)
                    last, err = run_plan(emu, plan, ['rollback'], log)
                    ok(err is None, '%s: the rollback runs' % name,
                       '\n'.join(log) + '\n' + (err or ''))
                    t = Term(emu.port)
                    t.send('show version\r')
                    v = t.read_until_idle()
                    was = open(capture).read()
                    old = re.search(r'^System image file is "(.*)"', was, re.M)
                    # install mode boots packages.conf before and after:
                    # the release line says which packages it loaded
                    rel = re.search(r'^Cisco IOS XE Software, Version (\S+)$', was, re.M)
                    ok(not runs_target(v, target) and old.group(1) in v and
                       (not rel or 'Version %s\n' % rel.group(1) in v),
                       '%s: the device runs the old image again' % name, v)
                    typed = [e[len('typed: '):] for e in log if e.startswith('typed: ')]
                    if 'packages.conf' in old.group(1):
                        # issue 24: the ID was read off the device and typed
                        ok(typed and re.match(r'^install rollback to id \d+ ', typed[0]),
                           '%s: the rollback point typed is an ID the device listed (%s)'
                           % (name, typed), '\n'.join(log[-2:]))
                elif mode == 'member-old':
                    # After the verified copies, member 2's copy goes (as a
                    # failed flash would lose it): member 2 boots its
                    # fallback, the old release, and leaves the stack.
                    last, err = run_plan(emu, plan, ALL[:3], log)
                    t = Term(emu.port)
                    t.send('delete /force flash2:%s\r' % target)
                    t.read_until_idle()
                    last, err = run_plan(emu, plan, ALL[3:], log)
                    t = Term(emu.port)
                    t.send('show switch\r')
                    sw = t.read_until_idle()
                    ok('V-Mismatch' in sw, '%s: member 2 came back on the old release, out of '
                       'the stack' % name, sw)
                    # The post-check's expect lines are `Ready` and the
                    # target's release: both match member 1's row, so the
                    # paste goes on past a member left on the old release.
                    ok(err is not None and last == '7.3',
                       '%s: the post-checks stop at the member check (step %s)' % (name, last),
                       '\n'.join(log[-4:]) + '\n' + (err or ''),
                       todo='the plan\'s stack post-check cannot fail for one member '
                       '(issue 24 pt 5: the expect lines match any Ready row)')
                elif mode == 'corrupt':
                    ok(err is not None and last.startswith('3.'),
                       '%s: the paste stops at the MD5 gate (step %s)' % (name, last), detail)
                    ok('%Error verifying' in detail,
                       '%s: the device printed the mismatch' % name, detail)
                elif mode == 'bad':
                    ok(err is not None and last == '7.1',
                       '%s: the post-check says the release is not the target (step %s)'
                       % (name, last), detail)
                    t = Term(emu.port)
                    t.send('show version | include System image\r')
                    v = t.read_until_idle()
                    ok(target not in v and re.search(r'\.bin"', v),
                       '%s: the device came back on the fallback' % name, v)
                    rc, out = verify(emu, capture, target, md5, size,
                                     'bootflash:' if 'r1' in cap else 'flash:')
                    ok(rc == 1 and ': after reload\n' in out,
                       '%s: iosplan verify says the reload did not bring the target' % name, out)
            finally:
                emu.stop()
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
