#!/usr/bin/python3
"""Every value a generated playbook sends to the device, or compares its
output with, is a string however the playbook is read (issue 24, point 1a).

IOS's `System configuration has been modified. Save? [yes/no]:` was
answered with a bare `no`: YAML 1.1 (PyYAML, which Ansible uses) resolves
that plain scalar to the boolean False, and network_cli sends the text
`False`, so IOS asks again until ansible_command_timeout. Ansible reads a
plain scalar tagged `!unsafe` as text, but ansible-lint, yamllint and any
tool that drops or does not know the tag resolve it as YAML 1.1 does.

So the playbooks are loaded twice with PyYAML: once the way Ansible
constructs `!unsafe` (a string), once resolving every `!unsafe` plain
scalar as if untagged (the tag-blind reader). In both, every command,
prompt, answer and expect line must be a str. The playbooks: every sample
iosplan plans (with the samples' catalogue), with tftp and scp, and the
install-mode variants.

Also read as Ansible reads them (issue 24, points 1b and 1c):
- an SCP copy names the operator's account in its URL (or answers IOS's
  `Source username [x]?`), else the task waits for the whole command
  timeout; and a command with several prompts sets check_all, without
  which network_cli answers only the first;
- a pre-check compares the device with the capture, so each of its expect
  lines is text the capture holds, in the device's own form: a 2960 that
  prints `flash:/c2960-...` is expected to print `flash:/c2960-...`.
Prints TAP."""
import glob
import os
import re
import subprocess
import tempfile
import sys

import yaml

SRC = os.path.realpath(os.path.join(os.path.dirname(__file__), '..', '..'))
BIN = os.path.abspath(os.environ.get('IOSPLAN_BIN', 'iosplan'))
CATALOG = os.path.join(SRC, 'samples', 'images.yaml')


class Ansible(yaml.SafeLoader):
    """`!unsafe` constructed as Ansible does: the scalar's text."""


class TagBlind(yaml.SafeLoader):
    """`!unsafe` resolved as if the tag were not there (YAML 1.1)."""


Ansible.add_constructor('!unsafe', lambda l, n: l.construct_scalar(n))


def blind(loader, node):
    if not isinstance(node, yaml.ScalarNode):
        return loader.construct_object(node)
    # The implicit resolvers apply to plain scalars only (style None).
    tag = loader.resolve(yaml.ScalarNode, node.value, (node.style is None, False))
    return loader.construct_object(yaml.ScalarNode(tag, node.value, style=node.style))


TagBlind.add_constructor('!unsafe', blind)


def device_values(doc):
    """(where, value) for every command, prompt, answer, config line and
    expect line of every task."""
    for play in doc or []:
        for task in play.get('tasks', []):
            name = str(task.get('name'))
            cmd = task.get('cisco.ios.ios_command')
            if cmd:
                for c in cmd.get('commands', []):
                    if isinstance(c, dict):
                        yield name + ' command', c.get('command')
                        for p in c.get('prompt', []):
                            yield name + ' prompt', p
                        for a in c.get('answer', []):
                            yield name + ' answer', a
                    else:
                        yield name + ' command', c
            cfg = task.get('cisco.ios.ios_config')
            if cfg:
                for line in cfg.get('lines', []):
                    yield name + ' config line', line
            for key in ('iosplan_expect', 'iosplan_expect_any'):
                for e in (task.get('vars') or {}).get(key, []):
                    yield name + ' ' + key, e


def playbooks():
    variants = [[], ['--transfer', 'scp'], ['--install-steps', 'two-step'],
                ['--reload-in', '0']]
    runs = [(log, v) for log in sorted(glob.glob(os.path.join(SRC, 'samples', '*.log')))
            for v in variants]
    # Under Valgrind (scripts/test's memcheck pass) every iosplan run costs
    # seconds: one run in three there (the first pass made them all), as
    # test_memcheck_sample does for the C tables.
    if os.environ.get('IOSPLAN_VALGRIND'):
        runs = runs[::3]
    for log, v in runs:
        r = subprocess.run([BIN, 'plan', '--format', 'ansible', '--catalog', CATALOG,
                            '--tftp-server', '192.168.1.100'] + v + [log],
                           capture_output=True, text=True, timeout=60)
        if r.returncode == 0:
            yield '%s %s' % (os.path.basename(log), ' '.join(v)), r.stdout


def scp_items(doc):
    for play in doc or []:
        for task in play.get('tasks', []):
            url = (task.get('vars') or {}).get('iosplan_scp_url')
            for c in (task.get('cisco.ios.ios_command') or {}).get('commands', []):
                if isinstance(c, dict) and url and 'iosplan_scp_url' in c['command']:
                    # what Ansible templates: the URL with the operator's user
                    c = dict(c, command=c['command'].replace('{{ iosplan_scp_url[0] }}', url[0])
                             .replace('{{ iosplan_scp_url[1] }}', url[1]))
                if isinstance(c, dict) and 'scp://' in c['command']:
                    yield task['name'], c


def answers(item, asked):
    """What network_cli answers when IOS prints `asked`, or None."""
    for rx, a in zip(item.get('prompt', []), item.get('answer', [])):
        if re.search(rx, asked, re.I):
            return a
    return None


def precheck_expects(doc):
    for play in doc or []:
        for task in play.get('tasks', []):
            if 'precheck' in (task.get('tags') or []) and 'ios_command' in str(task.keys()):
                cmds = task['cisco.ios.ios_command']['commands']
                if any(isinstance(c, dict) for c in cmds):
                    continue  # a copy: its expect line is the copy's own output
                for e in (task.get('vars') or {}).get('iosplan_expect', []):
                    yield task['name'], e


def main():
    n = failed = 0

    def ok(cond, what, detail=()):
        nonlocal n, failed
        n += 1
        failed += not cond
        print('%s %d - %s' % ('ok' if cond else 'not ok', n, what))
        for d in list(detail)[:10]:
            print('# %s' % (d,))

    for name, text in playbooks():
        if '--transfer scp' not in name:
            continue
        doc = yaml.load(text, Loader=Ansible)
        items = list(scp_items(doc))
        bad = []
        for tname, item in items:
            side = 'Destination' if item['command'].startswith('copy running-config') or \
                item['command'].split()[2].startswith('scp://') else 'Source'
            a = answers(item, '%s username [admin]? ' % side)
            named = '{{ scp_user }}@' in item['command'] or \
                '@' in item['command'].split('//')[1].split('/')[0]
            if not named and a != '{{ scp_user }}':
                bad.append('%s: %s username neither in the URL nor answered (%r)'
                           % (tname, side, a))
            if len(item.get('prompt', [])) > 1 and item.get('check_all') is not True:
                bad.append('%s: %d prompts, and network_cli answers one without check_all'
                           % (tname, len(item['prompt'])))
        ok(bool(items) and not bad, '%s: every SCP copy names the account and answers each prompt'
           % name, bad)

    sample = open(os.path.join(SRC, 'samples', 'netstuts-sw1.log')).read()
    with tempfile.TemporaryDirectory() as tmp:
        for form, text in (('flash:', sample), ('flash:/', sample.replace('flash:c2960',
                                                                           'flash:/c2960'))):
            cap = os.path.join(tmp, 'sw1.log')
            open(cap, 'w').write(text)
            r = subprocess.run([BIN, 'plan', '--format', 'ansible', '--catalog', CATALOG,
                                '--tftp-server', '192.168.1.100', cap],
                               capture_output=True, text=True, timeout=60)
            exp = list(precheck_expects(yaml.load(r.stdout, Loader=Ansible)))
            bad = ['%s: %r' % (t, e) for t, e in exp if e not in text]
            ok(r.returncode == 0 and exp and not bad,
               'seed switch printing %s: every pre-check expect line is in the capture' % form,
               bad)

    for name, text in playbooks():
        for loader in (Ansible, TagBlind):
            bad = [(w, v) for w, v in device_values(yaml.load(text, Loader=loader))
                   if not isinstance(v, str)]
            n += 1
            ok = not bad
            failed += not ok
            print('%s %d - %s (%s reader): every device value is a string'
                  % ('ok' if ok else 'not ok', n, name, loader.__name__))
            for w, v in bad[:10]:
                print('# %s: %r' % (w, v))
    print('1..%d' % n)
    return 1 if failed or n < 20 else 0


if __name__ == '__main__':
    sys.exit(main())
