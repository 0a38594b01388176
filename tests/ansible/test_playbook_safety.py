#!/usr/bin/python3
"""Nothing a capture says may run through `iosplan plan --format ansible`,
and a play targets exactly one inventory host (issue 18, points 1 and 2).

Playbooks are generated from captures, targets, a catalogue and a
configuration whose names hold Jinja (`{{ }}`, `{% %}`, `{# #}`, lookups,
filters) that would create a marker file if templated, then:
- every scalar that looks like a template is tagged !unsafe, except
  iosplan's own templates (the guard's message, the operator's password);
- `ansible-playbook --syntax-check` and `--list-hosts` against an
  inventory of several hosts list only the device;
- a real run (check mode, local connection, the cisco.ios modules replaced
  by a stub that records its arguments) templates every task: no marker
  appears, and the stub receives the hostile names as literal text;
- hostnames that are Ansible patterns (all, *, a:b, !x, ~re, &x, a,b,
  a[0:3], ungrouped) refuse the format, and an inventory group named like
  the device makes the guard task fail the play before any device task.

Run with /usr/bin/python3: Debian's ansible and its PyYAML live there.
Prints TAP. No network: the connection is local, in a temporary folder."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

SRC = os.path.realpath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.abspath(os.environ.get('IOSPLAN_BIN', 'iosplan'))
SAMPLE = os.path.join(SRC, 'samples', 'netstuts-r1.log')
HOST = 'NetsTuts_R1'
RUNNING = 'isr4300-universalk9.16.09.06.SPA.bin'
TARGET = 'isr4300-universalk9.16.12.04.SPA.bin'
REF = ['--size', '521347072', '--md5', 'a3f8c12d9e4b72f1c8d5a0e3b6f91234',
       '--tftp-server', '192.168.1.100']
PHASES = 'precheck,transfer,verify,boot,save,reload,postcheck,cleanup,rollback'
# iosplan's own templates: the guard's message and the operator's answer.
OWN = re.compile(r'^(\{\{ scp_password \}\}|\{\{ scp_user \}\}|\{\{ iosplan_scp_url\[0\] \}\}\{\{ scp_user \}\}@\{\{ iosplan_scp_url\[1\] \}\}|\{\{ iosplan_cmd\[0\] \}\}\{\{ rollback_id \| string \| trim \| int \}\}\{\{ iosplan_cmd\[1\] \}\}|hosts: matched \{\{ ansible_play_hosts_all.*)$',
                 re.S)
CISCO_NAME = re.compile(r'^[A-Za-z]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$')


class Tap:
    def __init__(self):
        self.n = self.failed = 0

    def ok(self, cond, name, detail=''):
        self.n += 1
        self.failed += not cond
        print('%s %d - %s' % ('ok' if cond else 'not ok', self.n, name))
        if not cond and detail:
            for line in str(detail).splitlines()[-40:]:
                print('# ' + line)
        sys.stdout.flush()
        return cond

    def done(self):
        print('1..%d' % self.n)
        return 1 if self.failed or not self.n else 0


class Unsafe(str):
    pass


class Loader(yaml.SafeLoader):
    pass


class Dumper(yaml.SafeDumper):
    pass


Loader.add_constructor('!unsafe', lambda l, n: Unsafe(l.construct_scalar(n)))
Dumper.add_representer(Unsafe, lambda d, s: d.represent_scalar('!unsafe', str(s)))


def scalars(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from scalars(v)
    elif isinstance(node, list):
        for v in node:
            yield from scalars(v)
    elif isinstance(node, str):
        yield node


def payloads(mark):
    """Jinja that creates `mark` (relative to the playbook's folder, where
    the pipe lookup runs) if it is ever templated. No spaces, '/' or ':'
    (a name is one CLI token, and a path or a filesystem would be split)."""
    touch = "'touch${IFS}%s'" % mark
    return [
        "{{lookup('pipe',%s)}}" % touch,
        "{%%if(lookup('pipe',%s))%%}{%%endif%%}" % touch,
        "{#c#}{{query('pipe',%s)|first|upper}}" % touch,
    ]


def iosplan(args, cwd):
    return subprocess.run([BIN, 'plan', '--format', 'ansible'] + args, cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def cases(tmp):
    """(name, iosplan arguments, the hostile text that must reach the
    playbook) for every way a name enters: captures (boot entry, running
    image, listed file), --target, the catalogue and the configuration."""
    sample = open(SAMPLE).read()
    out = []
    kinds = payloads('MARK')
    for i, p in enumerate(kinds):
        d = os.path.join(tmp, 'case%d' % i)
        os.makedirs(d)

        def cap(name, text):
            path = os.path.join(d, name)
            open(path, 'w').write(text)
            return path
        boot = cap('boot.log', sample.replace('boot system bootflash:' + RUNNING,
                                              'boot system bootflash:old%s.bin' % p))
        run = cap('run.log', sample.replace(RUNNING, 'isr4300-universalk9.16.09.06.SPA%s.bin' % p))
        listed = cap('list.log', sample.replace(
            '  9         30 Nov 17 2016 19:48:40 throughput_monitor_params',
            '  9         30 Nov 17 2016 19:48:40 throughput_monitor_params\n'
            ' 11  600000000 Mar 05 2026 09:14:22 isr4300-universalk9.16.06.01%s.SPA.bin' % p)
            .replace('6927970304 bytes available', '300000000 bytes available'))
        hostile_target = 'isr4300-universalk9.16.12.04.SPA%s.bin' % p
        out += [
            ('boot entry %d' % i, ['--target', TARGET] + REF + [boot], p),
            ('running image %d' % i, ['--target', TARGET] + REF + [run], p),
            ('listed file %d' % i, ['--target', TARGET] + REF + [listed], p),
            ('--target %d' % i, ['--target', hostile_target] + REF + [SAMPLE], p),
        ]
        cat = os.path.join(d, 'images.yaml')
        open(cat, 'w').write('images:\n  - name: %s\n    md5: %s\n    size: 521347072\n'
                             '    platforms: [isr4300]\n'
                             % (json.dumps(hostile_target), REF[3]))
        out.append(('catalogue %d' % i, ['--catalog', cat, '--tftp-server', '192.168.1.100',
                                         SAMPLE], p))
        cfgdir = os.path.join(d, 'cfg')
        os.makedirs(cfgdir)
        open(os.path.join(cfgdir, '.iosplan.yaml'), 'w').write(
            'target: %s\n' % json.dumps(hostile_target))
        shutil.copy(SAMPLE, cfgdir)
        out.append(('configuration %d' % i, REF + [os.path.join(cfgdir, 'netstuts-r1.log')], p))
    # Each entry point with one kind of payload, the kinds taken in turn
    # (every pair would run ansible-playbook 54 times: minutes).
    per_kind = len(out) // len(kinds)
    return [c for j, c in enumerate(out) if j // per_kind == j % per_kind % len(kinds)]


STUB = '''#!/usr/bin/python3
import json, os
from ansible.module_utils.basic import AnsibleModule
m = AnsibleModule(argument_spec=dict(commands=dict(type='raw'), lines=dict(type='raw'),
                                     match=dict(type='str')), supports_check_mode=True)
with open(os.environ['IOSPLAN_STUB_LOG'], 'a') as f:
    f.write(json.dumps(m.params) + '\\n')
# A ping succeeds, so that one failed_when is seen to pass; the rest fail.
# `verify /md5 FILE` prints the form IOS prints (DOMAIN.md section 5) with
# IOSPLAN_STUB_MD5, or IOSPLAN_STUB_MD5_ODD for files on IOSPLAN_STUB_ODD_FS.
cmds = [c if isinstance(c, str) else c.get('command', '') for c in m.params['commands'] or []]
def answer(c):
    if c.startswith('ping '):
        return 'Success rate is 100 percent (5/5)'
    w = c.split()
    if len(w) == 3 and w[:2] == ['verify', '/md5'] and os.environ.get('IOSPLAN_STUB_MD5'):
        odd = os.environ.get('IOSPLAN_STUB_ODD_FS')
        h = os.environ['IOSPLAN_STUB_MD5' + ('_ODD' if odd and w[2].startswith(odd) else '')]
        return '.......Done!' + chr(10) + 'verify /md5 (%s) = %s' % (w[2], h)
    return ''
out = [answer(c) for c in cmds]
m.exit_json(changed=False, stdout=out, stdout_lines=[o.splitlines() for o in out])
'''


def sandbox(tmp):
    """A stub cisco.ios collection and an environment that keeps Ansible's
    state in tmp."""
    mods = os.path.join(tmp, 'collections', 'ansible_collections', 'cisco', 'ios', 'plugins',
                        'modules')
    os.makedirs(mods)
    for m in ('ios_command', 'ios_config'):
        open(os.path.join(mods, m + '.py'), 'w').write(STUB)
    env = dict(os.environ)
    env.update(ANSIBLE_HOME=os.path.join(tmp, 'home'),
               ANSIBLE_LOCAL_TEMP=os.path.join(tmp, 'ltmp'),
               ANSIBLE_REMOTE_TEMP=os.path.join(tmp, 'rtmp'),
               ANSIBLE_COLLECTIONS_PATH=os.path.join(tmp, 'collections'),
               ANSIBLE_NOCOLOR='1', ANSIBLE_RETRY_FILES_ENABLED='false',
               ANSIBLE_LOCALHOST_WARNING='false', ANSIBLE_INVENTORY_UNPARSED_WARNING='false',
               ANSIBLE_DEPRECATION_WARNINGS='false', ANSIBLE_CONFIG=os.path.join(tmp, 'none.cfg'),
               IOSPLAN_STUB_LOG=os.path.join(tmp, 'stub.log'))
    return env


def inventory(tmp, text):
    path = os.path.join(tmp, 'inventory.ini')
    open(path, 'w').write(text)
    return path


LOCAL = 'ansible_connection=local ansible_python_interpreter=/usr/bin/python3'
SEVERAL = ('%s %s\nR2 %s\nR3 %s\nall-x %s\n[core]\n%s\nR2\nR3\n[NetsTuts]\nR2\n'
           % (HOST, LOCAL, LOCAL, LOCAL, LOCAL, HOST))


def playbook_check(t, name, data, text, hostile):
    """The loaded playbook: templates only where iosplan put them."""
    bad = [s for s in scalars(data) if re.search(r'\{[{%#]', s) and not isinstance(s, Unsafe)
           and not OWN.match(s)]
    t.ok(not bad, '%s: every template-like scalar is !unsafe' % name, '\n'.join(bad))
    # As read, not as written: a quoted scalar doubles its quotes (issue 24
    # quotes every command, prompt, answer and expect line).
    t.ok(any(hostile in s for s in scalars(data)),
         '%s: the hostile name reaches the playbook' % name, text[:2000])
    hosts = [play.get('hosts') for play in data]
    t.ok(hosts and all(h == HOST for h in hosts), '%s: hosts: is the device only' % name,
         repr(hosts))


def with_ignore_errors(data):
    """The playbook with each device task's failure ignored, so that every
    task is templated and run (the stub's empty output fails every
    expect line). The guard is left as it is."""
    for play in data:
        for task in play['tasks'][1:]:
            task['ignore_errors'] = True
    return yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True)


def ansible(args, env, cwd):
    return subprocess.run(['ansible-playbook'] + args, env=env, cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def run_case(t, tmp, env, name, args, hostile):
    d = os.path.join(tmp, 'run-' + re.sub(r'\W', '_', name))
    os.makedirs(d)
    r = iosplan(args, d)
    if not t.ok(r.returncode == 0, '%s: iosplan plans it' % name, r.stderr):
        return
    book = os.path.join(d, 'plan.yml')
    open(book, 'w').write(r.stdout)
    data = yaml.load(r.stdout, Loader=Loader)
    playbook_check(t, name, data, r.stdout, hostile)
    inv = inventory(d, SEVERAL)
    s = ansible(['--syntax-check', '-i', inv, book], env, d)
    t.ok(s.returncode == 0, '%s: ansible-playbook --syntax-check' % name, s.stdout + s.stderr)
    s = ansible(['--list-hosts', '-i', inv, '--tags', PHASES, book], env, d)
    listed = sorted(set(re.findall(r'^\s{6}(\S+)\s*$', s.stdout, re.M)))
    t.ok(s.returncode == 0 and listed == [HOST], '%s: --list-hosts lists %s alone' % (name, HOST),
         s.stdout + s.stderr)
    run = os.path.join(d, 'run.yml')
    open(run, 'w').write(with_ignore_errors(data))
    if os.path.exists(env['IOSPLAN_STUB_LOG']):
        os.remove(env['IOSPLAN_STUB_LOG'])
    s = ansible(['--check', '-i', inv, '--tags', PHASES, run], env, d)
    log = open(env['IOSPLAN_STUB_LOG']).read() if os.path.exists(env['IOSPLAN_STUB_LOG']) else ''
    t.ok(s.returncode == 0 and 'failed=0' in s.stdout, '%s: the run passes its guard' % name,
         s.stdout + s.stderr)
    t.ok(json.dumps(hostile)[1:-1] in log, '%s: the device receives the name literally' % name,
         log[-3000:] + s.stdout[-3000:])
    ping = re.search(r'TASK \[1\.\d pre-checks: Reach the transfer server\][^\n]*\n(\S+)', s.stdout)
    t.ok(ping and ping.group(1) == 'ok:' and 'The conditional check' not in s.stdout and
         'failed_when_result' in s.stdout,
         '%s: failed_when passes on the expect line and fails without it' % name, s.stdout[-3000:])
    marks = [f for f in os.listdir(d) if f.startswith('MARK')]
    t.ok(not marks, '%s: no template ran (no marker file)' % name, repr(marks))


def hostname_cases(t, tmp):
    """A hostname that is an Ansible pattern never becomes `hosts:`."""
    sample = open(SAMPLE).read()
    hostile = ['all', 'ungrouped', '*', 'R1:R2', '!x', '~.*', '&x', 'R1,R2', 'R[0:3]', 'web*',
               "R1{{lookup('pipe','touch${IFS}MARK')}}", '-R1', 'R1-', 'a' * 64]
    d = os.path.join(tmp, 'hostnames')
    os.makedirs(d)
    for i, h in enumerate(hostile):
        path = os.path.join(d, 'device%d.log' % i)
        open(path, 'w').write(sample.replace(HOST + ' uptime is', h + ' uptime is'))
        r = iosplan(['--target', TARGET] + REF + [path], d)
        data = yaml.load(r.stdout, Loader=Loader) or []
        hosts = [p.get('hosts') for p in data]
        t.ok(h not in hosts and all(CISCO_NAME.match(x) and x not in ('all', 'ungrouped')
                                    for x in hosts),
             'hostname %r is never hosts:' % h, r.stdout[:1500] + r.stderr)
        t.ok(r.returncode == 1 and 'Ansible can target' in r.stderr and not hosts,
             'hostname %r: the ansible format is refused (exit 1)' % h, r.stderr)
    t.ok(not [f for f in os.listdir(d) if f.startswith('MARK')], 'hostnames: no template ran')


def group_named_like_device(t, tmp, env):
    """A group named like the device cannot widen the play: the guard fails
    it on every host before any device task."""
    d = os.path.join(tmp, 'group')
    os.makedirs(d)
    r = iosplan(['--target', TARGET] + REF + [SAMPLE], d)
    book = os.path.join(d, 'plan.yml')
    open(book, 'w').write(r.stdout)
    inv = inventory(d, 'R2 %s\nR3 %s\n[%s]\nR2\nR3\n' % (LOCAL, LOCAL, HOST))
    if os.path.exists(env['IOSPLAN_STUB_LOG']):
        os.remove(env['IOSPLAN_STUB_LOG'])
    s = ansible(['--check', '-i', inv, '--tags', PHASES, book], env, d)
    t.ok(s.returncode != 0 and 'guard' in s.stdout and 'failed=1' in s.stdout,
         'a group named like the device: the guard fails the play', s.stdout + s.stderr)
    t.ok(not os.path.exists(env['IOSPLAN_STUB_LOG']),
         'a group named like the device: no device task ran',
         open(env['IOSPLAN_STUB_LOG']).read() if os.path.exists(env['IOSPLAN_STUB_LOG']) else '')


def rollback_id_checked(t, tmp, env):
    """Install mode's rollback point ID is the operator's (issue 24): the
    playbook sends `install rollback to id <digits> prompt-level none`
    and refuses anything else typed before a command is sent."""
    for cap in ('c9300-install.log', 'stack-9300-install.log'):
        d = os.path.join(tmp, 'rollback-' + cap)
        os.makedirs(d)
        r = iosplan(['--target', 'cat9k_iosxe.17.12.04.SPA.bin', '--size', '1325314572',
                     '--md5', '0123456789abcdef0123456789abcdef', '--tftp-server', '10.0.0.10',
                     os.path.join(SRC, 'samples', cap)], d)
        if not t.ok(r.returncode == 0, '%s: iosplan plans it' % cap, r.stderr):
            continue
        host = r.stdout.split('hosts: !unsafe ', 1)[1].split('\n', 1)[0].strip()
        book = os.path.join(d, 'plan.yml')
        open(book, 'w').write(r.stdout)
        inv = inventory(d, '%s %s\n' % (host, LOCAL))
        for typed, sent in (('7', 'install rollback to id 7 prompt-level none'),
                            (' 12 ', 'install rollback to id 12 prompt-level none'),
                            ('5; reload', None), ('abc', None), ('', None), ('-3', None),
                            ('5 prompt-level none\nreload', None), ('ID', None)):
            if os.path.exists(env['IOSPLAN_STUB_LOG']):
                os.remove(env['IOSPLAN_STUB_LOG'])
            s = ansible(['--check', '-i', inv, '--tags', 'rollback', '-e',
                         json.dumps({'rollback_id': typed}), book], env, d)
            log = (open(env['IOSPLAN_STUB_LOG']).read()
                   if os.path.exists(env['IOSPLAN_STUB_LOG']) else '')
            cmds = [c for line in log.splitlines() for c in json.loads(line)['commands'] or []]
            if sent:
                t.ok(sent in cmds and not any(' ID ' in c for c in cmds if isinstance(c, str)),
                     '%s: rollback_id %r is sent as %r' % (cap, typed, sent),
                     repr(cmds) + s.stdout[-2000:])
            else:
                t.ok(s.returncode != 0 and 'digits only' in s.stdout and
                     not any('install rollback' in c for c in cmds if isinstance(c, str)),
                     '%s: rollback_id %r is refused before any command' % (cap, typed),
                     repr(cmds) + s.stdout[-2000:])


def member_copy_hash(t, tmp, env):
    """A stack member's copy of the running image has no published hash:
    its `verify /md5` must print the hash the running copy's printed, and
    the playbook compares the two itself (no hash for the operator to
    paste into a command, issue 20 point 11)."""
    d = os.path.join(tmp, 'member-hash')
    os.makedirs(d)
    sample = os.path.join(SRC, 'tests', 'fallback', 'stack-2960x-member-lacks.log')
    r = iosplan(['--target', 'c2960x-universalk9-mz.152-7.E9.bin', '--size', '26815488',
                 '--md5', '0123456789abcdef0123456789abcdef', '--tftp-server', '10.0.0.10',
                 sample], d)
    if not t.ok(r.returncode == 0, 'member copy: iosplan plans it', r.stderr):
        return
    t.ok('<' not in r.stdout.split('verify /md5 flash2:', 1)[-1].split('\n', 1)[0],
         'member copy: the verify names no placeholder', r.stdout[:3000])
    run = os.path.join(d, 'run.yml')
    open(run, 'w').write(with_ignore_errors(yaml.load(r.stdout, Loader=Loader)))
    inv = inventory(d, 'ACC-STK-2960X-11 %s\n' % LOCAL)
    task = re.compile(r'TASK \[2\.\d+ transfer: Verify the fallback copy flash2:[^\]]*\][^\n]*\n(\S+)')
    for odd, want in (('', 'ok:'), ('flash2:', 'fatal:')):
        e = dict(env, IOSPLAN_STUB_MD5='5f0e1b2c3d4a59687766554433221100',
                 IOSPLAN_STUB_MD5_ODD='00000000000000000000000000000001', IOSPLAN_STUB_ODD_FS=odd)
        s = ansible(['--check', '-i', inv, '--tags', 'transfer', run], e, d)
        m = task.search(s.stdout)
        t.ok(m and m.group(1) == want, 'member copy: %s when the hashes %s' %
             (want, 'differ' if odd else 'agree'), s.stdout[-4000:] + s.stderr[-2000:])


def main():
    t = Tap()
    if not t.ok(shutil.which('ansible-playbook') is not None, 'ansible-playbook is installed',
                'install Debian\'s ansible package (scripts/setup-tests)'):
        return t.done()
    with tempfile.TemporaryDirectory(prefix='iosplan-ansible-') as tmp:
        env = sandbox(tmp)
        only = sys.argv[1] if len(sys.argv) > 1 else None
        for name, args, hostile in cases(tmp):
            if not only or only in name:
                run_case(t, tmp, env, name, args, hostile)
        hostname_cases(t, tmp)
        group_named_like_device(t, tmp, env)
        member_copy_hash(t, tmp, env)
        rollback_id_checked(t, tmp, env)
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
