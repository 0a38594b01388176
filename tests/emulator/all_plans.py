#!/usr/bin/python3
"""The longer emulator run (issue 24, point 4; suite emulator-long): the
text plan of every sample pasted into the emulated device, every phase
from the pre-checks through the post-checks and the clean-up, each expect
line checked, then (IOSEMU_PLAYBOOKS=1, the default) its playbook run
with ansible-playbook phase by phase.

The target of each sample is its platform's image in samples/images.yaml
(the platform token of a file the capture lists: `cat9k`, `c2960x`, ...),
a few KiB on the emulated server with its real MD5 and size. A sample
reported as SKIP is one the run cannot reach, with the reason: no
catalogue image for its platform, iosplan refuses it (the refusal is the
plan's answer, tested elsewhere), or a flow the emulator does not model
yet (named). Prints TAP."""
import os
import re
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import paste_plan  # noqa: E402
import run_playbook  # noqa: E402
from tap import Tap  # noqa: E402

SAMPLES = os.path.join(paste_plan.SRC, 'samples')

# Flows the emulator does not model: the step text that needs them.
NOT_MODELLED = [
    (re.compile(r'^copy https?://', re.M), 'copy http:'),
    (re.compile(r'^(request platform|software install|issu )', re.M),
     'IOS-XE 3.x / ISSU package commands'),
    (re.compile(r'redundancy|standby', re.I), 'a second route processor'),
]


# Plan options worth a run of their own beside each sample's default plan.
VARIANTS = [
    ('c9300-install.log', ['--install-steps', 'two-step']),
    ('c9300-bundle.log', ['--transfer', 'scp']),
]


def catalogue():
    return yaml.safe_load(open(os.path.join(SAMPLES, 'images.yaml')))['images']


def target_for(capture, images):
    """The catalogue image whose platform token a listed file carries."""
    text = open(capture, errors='replace').read()
    tokens = set(re.findall(r'\b([a-z][a-z0-9]*(?:_caa|_lite)?)(?:-|_iosxe)[\w.\-/]*\.(?:bin|pkg)\b',
                            text))
    for img in images:
        if any(p in tokens for p in img.get('platforms', [])):
            return img['name']
    return None


def main():
    tap = Tap(60)
    images = catalogue()
    want_pb = os.environ.get('IOSEMU_PLAYBOOKS', '1') == '1'
    only = os.environ.get('IOSEMU_ONLY')
    runs = [(f, []) for f in sorted(os.listdir(SAMPLES)) if f.endswith('.log')] + VARIANTS
    for cap, extra in runs:
        if only and only not in cap:
            continue
        label = ' '.join([cap] + extra)
        capture = os.path.join(SAMPLES, cap)
        target = target_for(capture, images)
        if not target:
            tap.skip(cap, 'no catalogue image for its platform')
            continue
        with tempfile.TemporaryDirectory() as root:
            md5, size = paste_plan.image(os.path.join(root, target), target)
            rc, plan = paste_plan.plan_for(capture, target, md5, size, extra)
            if rc != 0:
                why = next((l for l in plan.splitlines() if 'error' in l or 'refused' in l),
                           'exit %d' % rc)
                tap.skip(label, 'iosplan refuses it: %s' % why[:120])
                continue
            gap = next((what for rx, what in NOT_MODELLED
                        if rx.search('\n'.join(l for l in plan.splitlines()
                                               if not l.startswith('!')))), None)
            if gap:
                tap.skip(label, 'the emulator does not model %s' % gap)
                continue
            try:
                emu = paste_plan.Emulator(capture, root)
            except RuntimeError as e:
                tap.skip(label, 'the emulator cannot load this capture: %s' % str(e)[:120])
                continue
            log = []
            try:
                last, err = paste_plan.run_plan(emu, plan, paste_plan.ALL + ['clean-up (deferred)'],
                                                log)
                tap.ok(err is None, '%s -> %s: the pasted plan meets every expect line (last %s)'
                       % (label, target, last), '\n'.join(log) + '\n' + (err or ''))
                t = paste_plan.Term(emu.port)
                t.send('show version\r')
                v = t.read_until_idle()
                tap.ok(paste_plan.runs_target(v, target), '%s: the device runs the target' % label,
                       v)
                if paste_plan.members(capture):
                    good, sw = paste_plan.members_on_target(t, capture, v)
                    tap.ok(good, '%s: every stack member came back on the target' % label, sw)
            finally:
                emu.stop()
            if want_pb:
                run_playbook.run_case(tap, label, cap, target, extra)
    return tap.done()


if __name__ == '__main__':
    sys.exit(main())
