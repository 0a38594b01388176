#!/usr/bin/python3
"""Run iosplan's playbooks with the real ansible-playbook (Debian's
ansible, cisco.ios over ansible.netcommon.network_cli) against the emulated
device (issue 24, point 4), one phase at a time with its tag, as the
playbook's head says: precheck, transfer, verify, boot, save, reload (the
reload task, meta: reset_connection and wait_for_connection: the way
Ansible documents a network device's reload -- reset the persistent
connection, then wait_for_connection, "Retries the transport connection",
https://docs.ansible.com/ansible/7/collections/ansible/builtin/wait_for_connection_module.html),
postcheck, then the clean-up. Each phase must succeed; at the end the
device runs the target, and the clean-up leaves it alone in flash.

What the test changes in the playbook, and only that: the reload wait
(`delay: 600` for a `reload in 5`, `delay: 300` after an install
activation, on a real device) becomes a few seconds,
as the emulator's minute is IOSEMU_MINUTE seconds; ansible_command_timeout
is 60 (extra vars), so a prompt left unanswered fails in a minute, not an
hour. Prints TAP."""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import paste_plan  # noqa: E402  (the emulator's starter and the image maker)
from tap import Tap  # noqa: E402

PHASES = ['precheck', 'transfer', 'verify', 'boot', 'save', 'reload', 'postcheck', 'cleanup']

CASES = [
    ('seed router', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin', []),
    ('seed switch', 'netstuts-sw1.log', 'c2960-lanbasek9-mz.152-7.E9.bin', []),
    ('seed router over SCP', 'netstuts-r1.log', 'isr4300-universalk9.16.12.04.SPA.bin',
     ['--transfer', 'scp']),
    # issue 24 pt 1: install add ... activate commit prompt-level none, the
    # reload it starts, and install remove inactive's [y/n] in the clean-up
    ('install-mode switch', 'c9300-install.log', 'cat9k_iosxe.17.12.04.SPA.bin', []),
    # issue 24 pt 2: a 2960-X stack, the copy to flash2: and `boot system
    # switch all`, both members rebooted
    ('2960-X stack', 'stack-2960x-bundle.log', 'c2960x-universalk9-mz.152-7.E9.bin', []),
    # issue 24: the rollback play after the post-checks (no clean-up: it
    # removes the old packages), its rollback_id the ID the device lists
    ('install-mode switch, rolled back', 'c9300-install.log', 'cat9k_iosxe.17.12.04.SPA.bin',
     ['rollback']),
]


def run_case(tap, name, cap, target, extra):
    """One sample's playbook, phase by phase, against a fresh emulator;
    then the device must run the target (or, with 'rollback' among the
    extras, the rollback play brings the captured release back)."""
    ok = tap.ok
    rollback = 'rollback' in extra
    extra = [e for e in extra if e != 'rollback']
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, 'srv')
        os.makedirs(root)
        md5, size = paste_plan.image(os.path.join(root, target), target)
        capture = os.path.join(paste_plan.SRC, 'samples', cap)
        r = subprocess.run([paste_plan.BIN, 'plan', '--format', 'ansible', '--target',
                            target, '--md5', md5, '--size', str(size), '--tftp-server',
                            '192.168.1.100'] + extra + [capture],
                           capture_output=True, text=True, timeout=60)
        if not ok(r.returncode == 0, '%s: iosplan writes the playbook' % name, r.stderr):
            return
        pb = os.path.join(tmp, 'upgrade.yml')
        open(pb, 'w').write(re.sub(r'delay: \d+', 'delay: 3', r.stdout)
                            .replace('timeout: 3600', 'timeout: 60'))
        host = r.stdout.split('hosts: !unsafe ', 1)[1].split('\n', 1)[0].strip()
        emu = paste_plan.Emulator(capture, root)
        inv = os.path.join(tmp, 'hosts.yml')
        open(inv, 'w').write(
            'all:\n  hosts:\n    %s:\n      ansible_host: 127.0.0.1\n'
            '      ansible_port: %d\n      ansible_user: admin\n'
            '      ansible_password: admin\n' % (host, emu.port))
        env = dict(os.environ)
        env.update(ANSIBLE_HOME=os.path.join(tmp, 'home'),
                   ANSIBLE_LOCAL_TEMP=os.path.join(tmp, 'ltmp'),
                   ANSIBLE_CONFIG=os.path.join(tmp, 'none.cfg'),
                   ANSIBLE_HOST_KEY_CHECKING='False', ANSIBLE_NOCOLOR='1',
                   ANSIBLE_RETRY_FILES_ENABLED='false',
                   ANSIBLE_NETWORK_CLI_SSH_TYPE='paramiko',
                   ANSIBLE_PERSISTENT_CONNECT_TIMEOUT='30',
                   ANSIBLE_PERSISTENT_CONTROL_PATH_DIR=os.path.join(tmp, 'pc'),
                   ANSIBLE_DEPRECATION_WARNINGS='false',
                   ANSIBLE_LOG_PATH=os.path.join(tmp, 'ansible.log'))
        try:
            for ph in PHASES if not rollback else PHASES[:-1] + ['rollback']:
                more = []
                if ph == 'rollback':
                    # what the operator types at the prompt: the oldest
                    # point show install rollback lists (each commit adds
                    # a newer one)
                    t = paste_plan.Term(emu.port)
                    t.send('show install rollback\r')
                    ids = [int(i) for i in re.findall(r'^(\d+)\s', t.read_until_idle(), re.M)]
                    more = ['-e', 'rollback_id=%d' % min(ids or [0])]
                p = subprocess.run(['ansible-playbook', '-i', inv, pb, '--tags', ph,
                                    '-e', 'ansible_command_timeout=60',
                                    '-e', 'scp_password=secret', '-e', 'scp_user=admin'] + more,
                                   capture_output=True, text=True, env=env, timeout=600,
                                   cwd=tmp)
                if not ok(p.returncode == 0 and 'failed=0' in p.stdout,
                          '%s: ansible-playbook --tags %s' % (name, ph),
                          p.stdout + p.stderr):
                    break
            t = paste_plan.Term(emu.port)
            t.send('show version\r')
            v = t.read_until_idle()
            if rollback:
                rel = re.search(r'^Cisco IOS XE Software, Version (\S+)$',
                                open(capture).read(), re.M)
                ok(not paste_plan.runs_target(v, target) and 'Version %s\n' % rel.group(1) in v,
                   '%s: the rollback play brings back %s' % (name, rel.group(1)), v)
            else:
                ok(paste_plan.runs_target(v, target), '%s: the device runs the target' % name, v)
        finally:
            emu.stop()


def main():
    tap = Tap(80)
    only = os.environ.get('IOSEMU_ONLY')  # a developer's filter: cases whose name has it
    for name, cap, target, extra in CASES:
        if only and only not in name:
            continue
        run_case(tap, name, cap, target, extra)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
