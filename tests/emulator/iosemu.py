#!/usr/bin/python3
"""An emulated Cisco IOS / IOS-XE device over SSH, loaded from a capture
(issue 24). The tests start it on 127.0.0.1 on a free port and paste
iosplan's text plans into it or run its playbooks against it.

What it is: a second, independent reading of how a device behaves during
an image upgrade. It never calls iosplan: its boot decision is its own,
written from DOMAIN.md (section 3, boot) and the seed lab ("IOS Upgrade
via TFTP", NetsTuts: its "IOS image selection order"):
- config-register boot field 0 stays in ROMMON;
- a router tries the `boot system` entries of its startup-config in order
  and boots the first one that loads; with no entry, the first image file
  in flash; else ROMMON;
- a classic Catalyst (2960, 3560, 3750) tries the entries of its BOOT
  variable (one `;`-separated path-list, which `boot system` sets at once)
  in order, then the first image file in flash.
An image "loads" when its file is in flash and does not start with the
bytes BAD-IMAGE (how a test makes a target that fails to load).

The dialogs, each from a real session or a Cisco document:
- copy tftp://host/file fs: -> `Destination filename [file]?`, then
  `Accessing tftp://...`, `Loading file from host: !!!`, `[OK - N bytes]`,
  `N bytes copied in S secs (R bytes/sec)` (seed lab, "Copy the image");
  a file the server does not have: `%Error opening tftp://host/file (No
  such file or directory)` (DOMAIN.md section 4: tools match "Error
  opening"; seed lab troubleshooting table).
- copy running-config tftp://host/file -> `Address or name of remote host
  [host]?`, `Destination filename [file]?`, `!!`, `N bytes copied in S secs`
  (seed lab, "Save running-config to TFTP").
- copy scp://... : `Address or name of remote host [host]?`, `Source
  username [user]?`, `Source filename [file]?`, `Destination filename
  [file]?`, `Password:` (a captured `copy scp: usbflash1: vrf Mgmt-vrf`
  session and a captured `copy scp:... flash:` on an 809 router, both
  public; Cisco's copy command reference: "you can enter copy and have the
  router prompt you for any missing information",
  https://www.cisco.com/E-Learning/bulk/public/tac/cim/cib/using%5Fcisco%5Fios%5Fsoftware/cmdrefs/copy.htm).
  With host and file in the URL, only the missing account is asked
  (UNCONFIRMED: modelled on copy tftp://, whose full URL skips the host
  and file questions). The user named in the URL is taken without a question (DOMAIN.md
  section 7: `copy scp://user@host/file flash:`, Cisco Secure Copy guide).
- verify /md5 fs:file [hash]: `.....Done!` then `verify /md5 (fs:file) =
  <md5>`, `Verified (fs:file) = <md5>`, or `%Error verifying fs:file` /
  `Computed signature = ...` / `Submitted signature = ...` (DOMAIN.md
  section 5: netmiko scp_handler.py, genielibs, Cisco MD5 File Validation).
  The MD5 is computed over the bytes the emulated flash holds.
- configure terminal: `Enter configuration commands, one per line.  End
  with CNTL/Z.`, prompt `HOST(config)#`; copy running-config
  startup-config: `Destination filename [startup-config]?`, `Building
  configuration...`, `[OK]` (seed lab, "Save the configuration").
- reload [in N]: `System configuration has been modified. Save?
  [yes/no]:` when the running-config is unsaved, `Reload scheduled in N
  minutes by admin on vty0 (...)`, `Proceed with reload? [confirm]`;
  `reload cancel`: `*** --- SHUTDOWN ABORTED ---` (seed lab, "Reload").
  A [confirm] takes one keystroke (Enter or y confirms, n aborts), so an
  Enter typed after it reaches the exec prompt as an empty line.
- install mode (a Cat9k booted from flash:packages.conf; DOMAIN.md section
  8): `install add file fs:X.bin [activate [auto-abort-timer N]] [commit]
  [prompt-level none]`, `install activate [auto-abort-timer N]`, `install
  commit`, `install abort`, `install remove inactive`, `show install
  summary`, `show install rollback`, `install rollback to id N` (see
  install_rollback and show_install_rollback for their sources). Their lines follow a captured one-shot session on 17.12 and
  the three-step and abort examples in Cisco's VG400 software
  configuration guide ("Installing the Voice Gateway Software":
  `install_add_activate_commit: START <date>`, `--- Starting Add ---`,
  `Add: Passed on [R0]`, `Image added. Version: 17.12.01a.0.118`,
  `Finished Add`, `install_activate: START`, `Following packages shall be
  activated:`, `This operation may require a reload of the system. Do you
  want to proceed? [y/n]`, `--- Starting Activate ---`, `Building
  configuration...`/`[OK]` (activation saves the configuration), `Finished
  Activate`, `--- Starting Commit ---`, `Finished Commit operation`,
  `SUCCESS: install_add_activate_commit <date>`, the prompt, then the
  reload), with the switch form of the member lines (`[1] Activate
  package(s) on Switch 1`, `Checking status of Commit on [1 2 3]`) from
  genielibs' execute_install_one_shot mock on a 9300 stack
  (pkgs/sdk-pkg/.../iosxe/install/execute/execute_install_one_shot).
  prompt-level none skips the [y/n] question (genielibs stages.py
  InstallImage, DOMAIN.md 8). The bundle-mode refusal of a bare install
  add: `FAILED: Booted in bundle mode. For Bundle-to-Install mode
  conversion, please use one-shot CLI - install add file <> activate
  commit` (the VG400 guide's session). `install remove inactive`: `The
  following files will be deleted:`, `Do you want to remove the above
  files? [y/n]`, `Deleting file flash:X ... done.`, `SUCCESS: Files
  deleted.`, `SUCCESS: install_remove <date>` (a 9300 session, 16.12.2 to
  17.3.1, in a public upgrade note; genielibs' test_install_remove_inactive
  mock, DOMAIN.md 8). show install summary: the sample's 17.9 capture; a U
  state with `Auto abort timer: active on install_activate, time before
  rollback - HH:MM:SS` (genieparser ShowInstallSummary golden output,
  DOMAIN.md 8).
  packages.conf: the emulator writes one naming the release's .pkg files
  (the line shape `boot rp 0 0 rp_boot cat9k-rpboot....pkg` is a model,
  UNCONFIRMED); it loads when every package it names is in flash and none
  came from a BAD-IMAGE .bin. The package set install add expands is a
  small model (rpboot, rpbase and the .conf), not the real list.
- stacks (a classic 2960-X/3750-X stack): each member's flash (`dir
  flash2:`, `flash-2:`), `copy flash:X flash2:` (see local_copy), `boot
  system switch all PATH` setting every member's BOOT path-list (`show
  boot` prints one block per member), `show switch`, `show version |
  begin Switch Ports`. A reload boots every member from its own flash with
  the shared BOOT variable; a member on another release than the master
  shows V-Mismatch in show switch, and every row of show version's switch
  table prints the release its member runs.
- anything else: `% Invalid input detected at '^' marker.` under a caret
  (DOMAIN.md; IOS's parser error).
A reload drops every session, refuses logins while "booting" (a short
wait: IOSEMU_BOOT_SECONDS), then serves `show version` for the booted
release. `reload in N` waits N * IOSEMU_MINUTE seconds (default 0.2).

Run: iosemu.py --capture FILE --server-root DIR [--port 0] [--state FILE]
It prints `PORT <n>` on stdout once it listens.
"""
import argparse
import hashlib
import os
import re
import socket
import sys
import threading
import time

import paramiko

MINUTE = float(os.environ.get('IOSEMU_MINUTE', '0.2'))
BOOT_SECONDS = float(os.environ.get('IOSEMU_BOOT_SECONDS', '0.5'))
BAD = b'BAD-IMAGE'
INVALID = "% Invalid input detected at '^' marker."


# --- the capture -------------------------------------------------------------

def split_capture(text):
    """{command: output} from a capture of `HOST#command` lines, each
    followed by its output up to the next prompt line."""
    host = None
    out = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r'^([A-Za-z][\w.\-]*)#(.*)$', line)
        if m and (host is None or m.group(1) == host):
            host = m.group(1)
            cur = m.group(2).strip()
            if cur:
                out[cur] = []
            continue
        if cur:
            out[cur].append(line)
    return host, {k: '\n'.join(v) for k, v in out.items()}


def release_in_version(text):
    """The release show version names, when the image file does not (an
    install-mode switch boots packages.conf): `Cisco IOS XE Software,
    Version 17.09.04a` and `..., Version 17.9.4a, RELEASE SOFTWARE` ->
    ('17.09.04a', '17.9.4a')."""
    m = re.search(r'^Cisco IOS XE Software, Version (\S+)', text, re.M)
    n = re.search(r'^Cisco IOS Software.*?, Version ([^,\s]+),', text, re.M)
    if m and n:
        return m.group(1), n.group(1)
    return None


def find(cmds, *names):
    for n in names:
        for k, v in cmds.items():
            if k == n or k.replace('sh ', 'show ', 1) == n:
                return v
    return None


def release_of(name):
    """The release an image file name carries, in the two forms show
    version prints: (long, short). isr4300-universalk9.16.12.04.SPA.bin ->
    ('16.12.04', '16.12.4'); c2960-lanbasek9-mz.152-7.E9.bin ->
    ('15.2(7)E9', '15.2(7)E9')."""
    m = re.search(r'\.(\d{2})\.(\d{2})\.(\d{2}[a-z]?)\.', name)
    if m:
        return ('%s.%s.%s' % m.groups(),
                '%d.%d.%s' % (int(m.group(1)), int(m.group(2)), m.group(3).lstrip('0') or '0'))
    m = re.search(r'[.-](\d\d)(\d)-(\d+)\.([A-Z]+\d*[a-z]?)', name)
    if m:
        v = '%s.%s(%s)%s' % m.groups()
        return v, v
    return None


class Device:
    """The device's state: flash, running and startup boot lines, BOOT
    variable, the booted image. One lock: the sessions are threads."""

    def __init__(self, capture, server_root):
        self.lock = threading.RLock()
        self.server_root = server_root
        text = open(capture, errors='replace').read()
        self.host, self.cmds = split_capture(text)
        self.version_text = find(self.cmds, 'show version') or ''
        m = re.search(r'System image file is "([^"]+)"', self.version_text)
        self.captured_image = m.group(1)
        self.fs = self.captured_image.split(':')[0] + ':'
        self.slash = self.captured_image.startswith(self.fs + '/')
        self.image = self.base(self.captured_image)
        self.captured_release = release_of(self.image) or release_in_version(self.version_text)
        self.release = self.captured_release
        # DOMAIN.md 8: a .conf as the system image is install mode.
        self.install_mode = self.image.endswith('.conf')
        # The members show version's switch table lists (`*    1 65
        # C9300-48P  17.09.04a  CAT9K_IOSXE  INSTALL`), else the route
        # processor R0, as install's member lines name them.
        self.members = [int(n) for n in re.findall(r'^\*?\s+(\d+)\s+\d+\s+\S+\s+\S+\s+\S+',
                                                   self.version_text.split('Switch Ports', 1)[-1]
                                                   if 'Switch Ports' in self.version_text else '',
                                                   re.M)]
        self.classic_switch = bool(find(self.cmds, 'show boot')) and 'BOOT path-list' in (
            find(self.cmds, 'show boot') or '')
        m = re.search(r'Configuration register is (0x[0-9A-Fa-f]+)', self.version_text)
        self.confreg = m.group(1) if m else '0x2102'
        # The master's flash (a stack's active: its `flash:`), and each
        # other member's (`flash2:`, `flash-2:`: DOMAIN.md section 4, the
        # Cat2960 15.2(2)E guide: flash-3: "refers to the same file system
        # as does flash: on stack member 3").
        self.vol = Vol(self.fs)
        self.files = self.vol.files   # name -> bytes
        self.dirs = self.vol.dirs
        self.read_flash(self.vol, find(self.cmds, 'show %s' % self.fs, 'dir %s' % self.fs,
                                       'dir /recursive %s' % self.fs))
        rows = re.findall(r'^(\*?)\s+(\d+)\s+\d+\s+\S+\s+(\S+)\s+\S+',
                          self.version_text.split('Switch Ports', 1)[-1], re.M) \
            if 'Switch Ports' in self.version_text else []
        self.master = next((int(n) for star, n, _ in rows if star), 1)
        self.mvols = {}
        self.mrelease = {}  # member -> the release it runs (as the table prints it)
        for star, n, ver in rows:
            n = int(n)
            if n == self.master:
                continue
            self.mrelease[n] = ver
            for name in ('flash%d:' % n, 'flash-%d:' % n):
                listing = find(self.cmds, 'dir %s' % name, 'show %s' % name,
                               'dir /recursive %s' % name)
                if listing is not None:
                    self.mvols[n] = Vol(name)
                    self.read_flash(self.mvols[n], listing)
                    break
        boot_inc = find(self.cmds, 'show running-config | include boot') or ''
        self.run_boot_base = [l for l in boot_inc.splitlines() if l.strip()]
        self.running = [l[len('boot system '):] for l in self.run_boot_base
                        if l.startswith('boot system ')]
        start_inc = find(self.cmds, 'show startup-config | include boot',
                         'show start | i boot', 'sh start | i boot') or boot_inc
        self.startup = [l[len('boot system '):] for l in start_inc.splitlines()
                        if l.startswith('boot system ')]
        self.other_running = []  # e.g. ip tftp blocksize 8192
        self.other_startup = []
        self.bootvar = None
        if self.classic_switch:
            m = re.search(r'BOOT path-list\s*:\s*(\S*)', find(self.cmds, 'show boot'))
            self.bootvar = m.group(1) if m else ''
        self.modified = False
        self.up = True
        self.sessions = set()
        self.reload_timer = None
        self.boots = []  # what each reload booted, for the tests
        self.imgs = []   # install mode: [{'ver', 'rel', 'st', 'files'}]
        self.points = []  # install mode's rollback points: [{'id', 'img'}]
        self.abort_timer = None  # minutes of an uncommitted activation
        self.activating = False
        if self.install_mode:
            self.read_install()

    @staticmethod
    def base(path):
        p = path.split(':', 1)[-1]
        return p.lstrip('/')

    def read_flash(self, vol, listing):
        """The files the capture lists: contents unknown, so bytes of the
        listed length that name the file (a captured image loads).
        Directories (`475137  drwx  4096  Jan 14 2024 02:21:36 +00:00
        .installer`) stay directories; a `dir /recursive` listing's
        `Directory of flash:/c3750e-universalk9-mz.152-4.E8/` heads name
        the folder of the files under it (a tar-installed image)."""
        prefix = ''
        for line in (listing or '').splitlines():
            m = re.match(r'^Directory of [\w-]+:/(.*)$', line)
            if m:
                prefix = m.group(1)
                continue
            m = re.match(r'^\s*\d+\s+(\d+)\s+\w{3} \d+ \d{4} [\d:]+ (\S+)$', line)
            if m:
                vol.style = 'xe'
            else:
                m = re.match(r'^\s*\d+\s+[-drwx]+\s+(\d+)\s+.*?[\d:]+ [+-]\d\d:\d\d\s+(\S+)$', line)
                if m:
                    vol.style = 'classic'
                    if re.match(r'^\s*\d+\s+d', line):
                        if not prefix:
                            vol.dirs.append(m.group(2))
                        continue
            if m and not m.group(2).endswith('/'):
                n = int(m.group(1))
                seed = ('captured %s\n' % m.group(2)).encode()
                vol.files[prefix + m.group(2)] = (seed * (n // len(seed) + 1))[:n] \
                    if n < 1 << 20 else Sized(n, seed)
            m = re.match(r'^\s*(\d+) bytes total \((\d+) bytes free\)', line)
            if m:
                vol.total = int(m.group(1))
            m = re.match(r'^\s*(\d+) bytes available \((\d+) bytes used\)', line)
            if m:
                vol.total = int(m.group(1)) + int(m.group(2))

    def vol_of(self, path):
        """The flash a path names: the master's for its own fs (and
        flashN: of the master's number), a member's for flashN: /
        flash-N:; None for what the device does not have."""
        fs = path.split(':', 1)[0] + ':'
        if fs == self.fs:
            return self.vol
        m = re.match(r'^(?:flash|bootflash)-?(\d+):$', fs)
        if m:
            n = int(m.group(1))
            if n == self.master and self.members:
                return self.vol
            return self.mvols.get(n)
        return None

    # --- install mode ----------------------------------------------------------

    def read_install(self):
        """The captured install state: `IMG   C    17.09.04a.0.4` rows of
        show install summary, and a packages.conf naming the captured
        release's .pkg files (the capture does not show its text)."""
        summ = find(self.cmds, 'show install summary') or ''
        rows = re.findall(r'^IMG\s+([CUID])\s+(\S+)', summ, re.M)
        if not rows and self.captured_release:
            # no show install summary captured: the running release,
            # committed
            rows = [('C', self.captured_release[0] + '.0')]
        for st, ver in rows:
            rel = '.'.join(ver.split('.')[:3])
            self.imgs.append({'ver': ver, 'rel': rel, 'st': st,
                              'files': sorted(n for n in self.files
                                              if n.endswith('.pkg') and '.%s.' % rel in n)})
        cur = [i for i in self.imgs if i['st'] == 'C']
        # The rollback points (`show install rollback`): the committed
        # state the capture shows is one; each install commit adds the
        # next. Numbering from 4 is a model (genieparser's golden output
        # lists 5 and 4, newest first), UNCONFIRMED.
        self.points = [{'id': 4, 'img': cur[0]}] if cur else []
        if cur:
            for v in self.all_vols():
                v.files['packages.conf'] = self.conf_text(
                    [f for f in cur[0]['files'] if f in v.files])

    def all_vols(self):
        """Every member's flash: install operations act on all of them
        (genielibs' 9300-stack mock: `Copying flash:X from Switch 1 to
        Switch 1 2 3`, `[2] Finished SMU_ACTIVATE on Switch 2`)."""
        return [self.vol] + [self.mvols[n] for n in sorted(self.mvols)]

    @staticmethod
    def conf_text(pkgs):
        """A packages.conf naming pkgs (shape modelled, UNCONFIRMED)."""
        lines = ['#! /usr/binos/bin/packages_conf.sh', '']
        for n in pkgs:
            kind = n.split('-', 1)[-1].split('.', 1)[0]
            lines.append('%-5s rp 0 0 %-10s %s' % ('boot' if kind == 'rpboot' else 'iso',
                                                  'rp_' + kind[2:], n))
        return ('\n'.join(lines) + '\n').encode()

    def conf_pkgs(self, data):
        if not isinstance(data, (bytes, bytearray)):
            return []
        return re.findall(rb'^(?:boot|iso)\s+rp\s+\d+\s+\d+\s+\S+\s+(\S+\.pkg)$', data, re.M)

    def conf_loads(self, data, vol=None):
        """The release a packages.conf boots on vol, or None."""
        vol = vol or self.vol
        pkgs = [p.decode() for p in self.conf_pkgs(data)]
        if not pkgs:
            return None
        for p in pkgs:
            d = vol.files.get(p)
            if d is None or (isinstance(d, (bytes, bytearray)) and d.startswith(BAD)):
                return None
        return release_of(pkgs[0])

    def member_names(self):
        return ['Switch %d' % n for n in self.members] if self.members else ['R0']

    def member_ids(self):
        return ' '.join(str(n) for n in self.members) if self.members else 'R0'

    def used(self):
        return self.vol.used()

    def free(self):
        return self.vol.free()

    # --- boot ---------------------------------------------------------------

    def loads(self, entry, vol=None):
        """The file entry names on vol (the booting member's own flash:
        every member reads `flash:` as its own), if it loads."""
        vol = vol or self.vol
        # `boot system switch all flash:packages.conf` (a stack's form)
        entry = re.sub(r'^switch (all|\d+) ', '', entry)
        if ':' not in entry:
            return None
        fs = entry.split(':')[0] + ':'
        name = self.base(entry)
        if fs != self.fs or name not in vol.files:
            return None
        data = vol.files[name]
        if isinstance(data, (bytes, bytearray)) and data.startswith(BAD):
            return None
        if name.endswith('.conf'):
            return name if self.conf_loads(data, vol) else None
        return name

    def decide_boot(self, vol=None):
        """(image name or None for ROMMON, how); a stack member decides
        on its own flash with the same BOOT variable (`boot system switch
        all` sets it on every member)."""
        vol = vol or self.vol
        if int(self.confreg, 16) & 0xF == 0:
            return None, 'config-register boot field 0'
        if self.classic_switch:
            entries = [e for e in (self.bootvar or '').split(';') if e]
        else:
            entries = list(self.startup)
        for i, e in enumerate(entries):
            name = self.loads(e, vol)
            if name:
                return name, 'entry %d' % (i + 1)
        for name in sorted(vol.files):
            if name.endswith('.bin') and self.loads(self.fs + name, vol):
                return name, 'first image in flash'
        return None, 'nothing loads'

    def reload(self):
        with self.lock:
            if self.reload_timer:
                self.reload_timer.cancel()
                self.reload_timer = None
            self.up = False
            for s in list(self.sessions):
                s.drop()
        time.sleep(BOOT_SECONDS)
        with self.lock:
            if self.install_mode and not self.activating and any(
                    i['st'] == 'U' for i in self.imgs):
                # A reload before install commit rolls back (the
                # auto-abort; DOMAIN.md 8).
                self.abort_install()
            self.activating = False
            name, how = self.decide_boot()
            self.boots.append((name, how))
            if name:
                self.image = name
                self.release = (self.conf_loads(self.files[name]) if name.endswith('.conf')
                                else release_of(name)) or self.release
            for n, v in self.mvols.items():
                mname, mhow = self.decide_boot(v)
                rel = ((self.conf_loads(v.files[mname], v) if mname.endswith('.conf')
                        else release_of(mname)) if mname else None)
                self.mrelease[n] = rel[0] if rel else None
                sys.stdout.write('MEMBER %d BOOTED %s (%s)\n' % (n, mname or 'rommon', mhow))
            self.running = list(self.startup)
            self.other_running = list(self.other_startup)
            self.modified = False
            self.up = name is not None  # ROMMON: no SSH
            sys.stdout.write('BOOTED %s (%s)\n' % (name or 'rommon', how))
            sys.stdout.flush()

    # --- what show commands print -------------------------------------------

    def image_path(self):
        return self.fs + ('/' if self.slash else '') + self.image

    def show_version(self):
        t = self.version_text
        t = t.replace('"%s"' % self.captured_image, '"%s"' % self.image_path())
        new = self.release
        old = self.captured_release
        if new and old and new != old:
            t = t.replace('Version %s' % old[0], 'Version %s' % new[0])
            t = t.replace('Version %s,' % old[1], 'Version %s,' % new[1])
        if self.boots or (new and old and new != old):
            # every row of the switch table: the release that member runs
            def row(m):
                n = int(m.group(2))
                v = new[0] if n == self.master else (self.mrelease.get(n) or m.group(4))
                return m.group(1) + m.group(2) + m.group(3) + v.ljust(len(m.group(4)))
            i = t.find('Switch Ports')
            if i >= 0:
                j = t.find('\n\n', i)
                j = len(t) if j < 0 else j
                t = t[:i] + re.sub(r'^(\*?\s+)(\d+)(\s+\d+\s+\S+\s+)(\S+)', row, t[i:j],
                                   flags=re.M) + t[j:]
        if self.image.endswith('.conf'):
            t = re.sub(r'(\s)BUNDLE(\s*)$', r'\1INSTALL\2', t, flags=re.M)
        if self.boots:
            # A reload restarts the clock and says why (the seed's show
            # version after its reload: "Last reload reason: Reload Command").
            t = re.sub(r'^(\S+ uptime is ).*$', r'\g<1>1 minute', t, flags=re.M)
            t = re.sub(r'^(Uptime for this control processor is ).*$', r'\g<1>1 minute', t,
                       flags=re.M)
            t = re.sub(r'^System returned to ROM by .*$', 'System returned to ROM by Reload Command',
                       t, flags=re.M)
            t = re.sub(r'^Last reload reason: .*$', 'Last reload reason: Reload Command', t,
                       flags=re.M)
            t = re.sub(r'^Last reset from .*$', 'Last reset from Reload Command', t, flags=re.M)
        return t

    def config_lines(self, startup=False):
        boot = self.startup if startup else self.running
        other = self.other_startup if startup else self.other_running
        out = []
        placed = False
        for l in self.run_boot_base:
            if l.startswith('boot system '):
                if not placed:
                    out += ['boot system ' + b for b in boot]
                    placed = True
                continue
            if l == 'boot-end-marker' and not placed:
                out += ['boot system ' + b for b in boot]
                placed = True
            out.append(l)
        if not placed:
            out += ['boot system ' + b for b in boot]
        return ['hostname ' + self.host] + out + other

    def show_flash(self, vol=None):
        vol = vol or self.vol
        if vol.style == 'classic':
            lines = ['', 'Directory of %s/' % vol.fs, '']
            for n in vol.dirs:
                lines.append('%5d  drwx  %10d   Mar 5 2026 09:31:10 +00:00  %s' % (1, 4096, n))
            top = [(n, d) for n, d in sorted(vol.files.items()) if '/' not in n]
            for i, (n, d) in enumerate(top):
                lines.append('%5d  -rwx  %10d   Mar 5 2026 09:31:10 +00:00  %s' % (i + 2, len(d), n))
            lines += ['', '%d bytes total (%d bytes free)' % (vol.total, vol.free())]
            return '\n'.join(lines)
        lines = ['-#- --length-- -----date/time------ path']
        for i, (n, d) in enumerate(sorted(vol.files.items())):
            lines.append('%3d %10d Mar 05 2026 09:14:22 %s' % (i + 1, len(d), n))
        lines += ['', '%d bytes available (%d bytes used)' % (vol.free(), vol.used())]
        return '\n'.join(lines)

    def show_switch(self):
        """The captured table, a member on another release than the
        master's in V-Mismatch (DOMAIN.md 8; the plan's post-check names
        V-Mismatch and Version Mismatch), one that booted nothing Removed
        (UNCONFIRMED)."""
        out = []
        for line in (find(self.cmds, 'show switch') or '').splitlines():
            m = re.match(r'^\s*\*?(\d+)\s+\S+\s+[0-9a-f]{4}\.', line)
            if m and int(m.group(1)) in self.mrelease and self.boots:
                r = self.mrelease[int(m.group(1))]
                if r is None:
                    line = line.replace('Ready', 'Removed')
                elif r != self.release[0]:
                    line = line.replace('Ready', 'V-Mismatch')
            out.append(line)
        return '\n'.join(out)

    def show_boot(self):
        t = find(self.cmds, 'show boot')
        if not self.classic_switch:
            # IOS-XE (`BOOT variable = flash:packages.conf;`, the
            # sample's 17.9 capture): the boot system entries, `;` after
            # each; `boot system` sets it at once (UNCONFIRMED for the
            # current value: modelled on the classic Catalyst's).
            v = ''.join(re.sub(r'^switch (all|\d+) ', '', e) + ';' for e in self.running)
            return re.sub(r'(BOOT variable = ).*', lambda m: m.group(1) + v, t)
        return re.sub(r'(BOOT path-list\s*: ).*', lambda m: m.group(1) + self.bootvar, t)

    def show_install_rollback(self):
        """genieparser ShowInstallRollback golden output (C9600):
        `ID      Label                            Description`, a rule of
        55 dashes, `5       No Label                         No
        Description` rows, newest first."""
        lines = ['', '%-8s%-33s%s' % ('ID', 'Label', 'Description'), '-' * 55]
        for pt in reversed(self.points):
            lines.append('%-8d%-33s%s' % (pt['id'], 'No Label', 'No Description'))
        return '\n'.join(lines)

    def show_install_summary(self):
        head = find(self.cmds, 'show install summary') or ''
        m = re.match(r'^(\[ .* \]) Installed', head)
        rule = '-' * 80
        lines = ['%s Installed Package(s) Information:' % (m.group(1) if m else '[ R0 ]'),
                 'State (St): I - Inactive, U - Activated & Uncommitted,',
                 '            C - Activated & Committed, D - Deactivated & Uncommitted',
                 rule, 'Type  St   Filename/Version', rule]
        for i in self.imgs:
            lines.append('IMG   %s    %s' % (i['st'], i['ver']))
        timer = 'inactive'
        if self.abort_timer is not None:
            timer = 'active on install_activate, time before rollback - %02d:%02d:00' % (
                self.abort_timer // 60, self.abort_timer % 60)
        lines += ['', rule, 'Auto abort timer: %s' % timer, rule]
        return '\n'.join(lines)

    def abort_install(self):
        """Back to the committed packages: the U image inactive, the D one
        committed again, packages.conf as before."""
        for i in self.imgs:
            if i['st'] == 'U':
                i['st'] = 'I'
            elif i['st'] == 'D':
                i['st'] = 'C'
                for v in self.all_vols():
                    v.files['packages.conf'] = self.conf_text(i['files'])
        self.abort_timer = None


class Vol:
    """One flash file system: files (name -> bytes or Sized), directories,
    its size, and the listing style it prints."""

    def __init__(self, fs):
        self.fs = fs
        self.files = {}
        self.dirs = []
        self.total = None
        self.style = 'xe'

    def used(self):
        return sum(len(v) for v in self.files.values())

    def free(self):
        return (self.total or 1 << 33) - self.used()


class Sized:
    """A large captured file: its length without its bytes."""

    def __init__(self, n, seed):
        self.n = n
        self.seed = seed

    def __len__(self):
        return self.n

    def startswith(self, b):
        return False


# --- one SSH session ----------------------------------------------------------

class Dropped(Exception):
    pass


class Session:
    def __init__(self, dev, chan):
        self.dev = dev
        self.chan = chan
        self.buf = b''
        self.mode = 'exec'
        self.alive = True

    def drop(self):
        self.alive = False
        try:
            self.chan.close()
        except Exception:
            pass

    # input: a byte stream with type-ahead, as a terminal line is
    def getc(self):
        while not self.buf:
            if not self.alive:
                raise Dropped()
            try:
                data = self.chan.recv(4096)
            except Exception:
                raise Dropped()
            if not data:
                raise Dropped()
            self.buf += data
        c, self.buf = self.buf[:1], self.buf[1:]
        return c

    def readline(self, echo=True):
        line = b''
        while True:
            c = self.getc()
            if c == b'\r':
                if self.buf[:1] == b'\n':
                    self.buf = self.buf[1:]
                break
            if c == b'\n':
                break
            if c == b'\x1a':  # Ctrl-Z
                line = b'\x1a'
                break
            line += c
        s = line.decode(errors='replace')
        if echo:
            self.write(s + '\n')
        return s

    def write(self, s):
        if not self.alive:
            raise Dropped()
        try:
            self.chan.sendall(s.replace('\r\n', '\n').replace('\n', '\r\n').encode())
        except Exception:
            raise Dropped()

    def ask(self, prompt, echo=True):
        self.write(prompt)
        return self.readline(echo)

    def confirm(self, prompt):
        """[confirm]: one keystroke; Enter or y confirms."""
        self.write(prompt)
        c = self.getc()
        self.write('\n')
        return c in (b'\r', b'\n', b'y', b'Y')

    def prompt(self):
        return '%s%s' % (self.dev.host, '(config)#' if self.mode == 'config' else '#')

    def run(self):
        try:
            self.write('\n' + self.prompt())
            while self.alive:
                line = self.readline()
                with self.dev.lock:
                    pass
                out = self.command(line.strip())
                if out:
                    self.write(out.rstrip('\n') + '\n')
                self.write(self.prompt())
        except Dropped:
            pass
        finally:
            with self.dev.lock:
                self.dev.sessions.discard(self)
            try:
                self.chan.close()
            except Exception:
                pass

    def invalid(self, line, at=0):
        return ' ' * (len(self.prompt()) + at) + '^\n' + INVALID

    # --- commands -------------------------------------------------------------

    def command(self, line):
        if not line:
            return ''
        if self.mode == 'config':
            return self.config(line)
        flt = None
        m = re.match(r'^(.*?)\s*\|\s*(include|i|inc|begin|b)\s+(.*)$', line)
        if m:
            line, flt = m.group(1), m.group(3)
        out = self.exec_(line)
        if out is not None and flt is not None:
            rx = re.compile(flt)
            lines = out.splitlines()
            if m.group(2) in ('begin', 'b'):
                # `| begin RX`: from the first line that matches on
                k = next((i for i, l in enumerate(lines) if rx.search(l)), len(lines))
                out = '\n'.join(lines[k:])
            else:
                out = '\n'.join(l for l in lines if rx.search(l))
        return out

    def exec_(self, line):
        d = self.dev
        w = line.split()
        low = line.lower()
        if re.match(r'^terminal (length|width) \d+$', low) or low == 'terminal no monitor':
            return ''
        if low in ('show version', 'sh version', 'sh ver', 'show ver'):
            return d.show_version()
        if low in ('show privilege',):
            return 'Current privilege level is 15'
        if low in ('show %s' % d.fs, 'dir %s' % d.fs, 'dir'):
            return d.show_flash()
        if len(w) == 2 and w[0] in ('show', 'dir') and w[1].endswith(':') and d.vol_of(w[1]):
            return d.show_flash(d.vol_of(w[1]))
        if low == 'show switch' and find(d.cmds, 'show switch'):
            return d.show_switch()
        if low == 'show boot' and find(d.cmds, 'show boot'):
            return d.show_boot()
        if low == 'show install summary' and d.install_mode:
            return d.show_install_summary()
        if low == 'show install rollback' and d.install_mode:
            return d.show_install_rollback()
        if w[0] == 'archive' and len(w) >= 3 and w[1] == 'download-sw':
            return self.archive(w[2:])
        if w[0] == 'install' and d.fs in ('flash:', 'bootflash:'):
            return self.install(w[1:])
        if low in ('show running-config', 'show run', 'sh run'):
            return '\n'.join(d.config_lines())
        if low in ('show startup-config', 'show start', 'sh start'):
            return '\n'.join(d.config_lines(True))
        if w[0] == 'ping' and len(w) >= 2:
            return find(d.cmds, line) or (
                'Type escape sequence to abort.\nSending 5, 100-byte ICMP Echos to %s, '
                'timeout is 2 seconds:\n!!!!!\nSuccess rate is 100 percent (5/5), '
                'round-trip min/avg/max = 1/1/2 ms' % w[1])
        if low in ('show ip interface brief', 'show interfaces status', 'show cdp neighbors',
                   'show ip ospf neighbor', 'show ip bgp summary', 'show ip eigrp neighbors'):
            return find(d.cmds, line) or ''
        if low in ('configure terminal', 'conf t', 'config t'):
            self.mode = 'config'
            return 'Enter configuration commands, one per line.  End with CNTL/Z.'
        if w[0] == 'dir' and len(w) == 2:
            return self.dir_file(w[1])
        if w[0] == 'verify' and len(w) >= 3 and w[1] == '/md5':
            return self.verify(w[2], w[3] if len(w) > 3 else None)
        if w[0] == 'delete':
            return self.delete(w[1:])
        if w[0] == 'copy' and len(w) == 3:
            return self.copy(w[1], w[2])
        if low in ('write memory', 'write', 'wr'):
            return self.save()
        if w[0] == 'reload':
            return self.reload(w[1:])
        return self.invalid(line)

    def dir_file(self, path):
        d = self.dev
        name = d.base(path)
        v = d.vol_of(path)
        if v is None:
            return self.invalid('dir')
        folder = name.rstrip('/')
        if folder in v.dirs:
            # `dir flash:c3750e-universalk9-mz.152-4.E10/`: the folder's files
            inside = sorted((n[len(folder) + 1:], len(f)) for n, f in v.files.items()
                            if n.startswith(folder + '/') and '/' not in n[len(folder) + 1:])
            return ('Directory of %s/%s/\n\n%s\n\n%d bytes total (%d bytes free)'
                    % (v.fs, folder, '\n'.join('%5d  -rwx  %10d   Mar 5 2026 09:31:10 +00:00  %s'
                                               % (i + 5, n, f) for i, (f, n) in enumerate(inside)),
                       v.total or 0, v.free()))
        if name not in v.files:
            return '%%Error opening %s (No such file or directory)' % path
        if v.style == 'classic':
            return ('Directory of %s/%s\n\n    2  -rwx  %10d   Mar 5 2026 09:31:10 +00:00  %s\n\n'
                    '%d bytes total (%d bytes free)' % (v.fs, name, len(v.files[name]), name,
                                                        v.total, v.free()))
        return ('Directory of %s%s\n\n   12  -rw-  %10d  Mar 7 2026 10:01:02 +00:00  %s\n\n'
                '%d bytes total (%d bytes free)' % (v.fs, name, len(v.files[name]), name,
                                                    v.total or 0, v.free()))

    def md5(self, data):
        if isinstance(data, Sized):
            h = hashlib.md5()
            h.update(data.seed)
            return h.hexdigest()
        return hashlib.md5(data).hexdigest()

    def verify(self, path, want):
        d = self.dev
        name = d.base(path)
        v = d.vol_of(path)
        if v is None or name not in v.files:
            return '%%Error opening %s (No such file or directory)' % path
        h = self.md5(v.files[name])
        out = '.' * 8 + 'Done!\n'
        if want is None:
            return out + 'verify /md5 (%s) = %s' % (path, h)
        if want.lower() == h:
            return out + 'Verified (%s) = %s' % (path, h)
        return out + ('%%Error verifying %s\nComputed signature = %s\nSubmitted signature = %s'
                      % (path, h, want))

    def delete(self, args):
        d = self.dev
        force = recursive = False
        while args and args[0] in ('/force', '/recursive'):
            force |= args[0] == '/force'
            recursive |= args[0] == '/recursive'
            args = args[1:]
        if len(args) != 1:
            return self.invalid('delete')
        path = args[0]
        name = d.base(path)
        if not force:
            self.ask('Delete filename [%s]? ' % name)
            if not self.confirm('Delete %s? [confirm]' % path):
                return ''
        v = d.vol_of(path)
        with d.lock:
            if recursive and v is not None and name.rstrip('/') in v.dirs:
                # `delete /force /recursive flash:DIR`: the folder and all
                # under it (the plan's clean-up of a tar-installed image)
                folder = name.rstrip('/')
                for n in [n for n in v.files if n.startswith(folder + '/')]:
                    del v.files[n]
                v.dirs.remove(folder)
                return ''
            if v is None or name not in v.files:
                return '%%Error deleting %s (No such file or directory)' % path
            del v.files[name]
        return ''

    def url(self, u):
        m = re.match(r'^(tftp|scp)://(?:([^@/]+)@)?([^/]+)/(.+)$', u)
        return m.groups() if m else None

    def copy(self, src, dst):
        d = self.dev
        if src in ('running-config', 'system:running-config') and dst in (
                'startup-config', 'nvram:startup-config'):
            a = self.ask('Destination filename [startup-config]? ')
            if a.strip() not in ('', 'startup-config'):
                return '%Error opening nvram:' + a.strip()
            return self.save()
        s, t = self.url(src), self.url(dst)
        sv, tv = d.vol_of(src), d.vol_of(dst)
        if sv and tv and ':' in src and ':' in dst:
            return self.local_copy(sv, d.base(src), tv, d.base(dst) or d.base(src), src)
        if src == 'running-config' and t:
            proto, user, host, name = t
            host = self.ask('Address or name of remote host [%s]? ' % host).strip() or host
            if proto == 'scp' and not user:
                user = self.ask('Destination username [%s]? ' % 'admin').strip() or 'admin'
                self.scp_user = user
            name = self.ask('Destination filename [%s]? ' % name).strip() or name
            if proto == 'scp':
                self.ask('Password: ', echo=False)
                self.write('\n Sending file modes: C0644 1823 %s\n' % name)
            text = '\n'.join(d.config_lines()) + '\n'
            with open(os.path.join(d.server_root, os.path.basename(name)), 'w') as f:
                f.write(text)
            return '!!\n%d bytes copied in 0.204 secs (8937 bytes/sec)' % len(text)
        if s and tv and dst.count(':') == 1:
            proto, user, host, name = s
            if proto == 'scp' and not user:
                # UNCONFIRMED which of the other questions a full URL
                # skips: as with tftp://, only the missing account is asked.
                user = self.ask('Source username [admin]? ').strip() or 'admin'
                self.scp_user = user
            dname = d.base(dst) or os.path.basename(name)
            dname = self.ask('Destination filename [%s]? ' % dname).strip() or dname
            if proto == 'scp':
                self.ask('Password: ', echo=False)
            srcpath = os.path.join(d.server_root, name)
            if not os.path.isfile(srcpath):
                return ('%%Error opening %s://%s/%s (No such file or directory)'
                        % (proto, host, name))
            data = open(srcpath, 'rb').read()
            if len(data) > tv.free():
                return '%%Error copying %s://%s/%s (Not enough space on device)' % (proto, host, name)
            with d.lock:
                tv.files[dname] = data
            bangs = '!' * max(1, min(70, len(data) // 512))
            head = ('Accessing %s://%s/%s...\nLoading %s from %s (via GigabitEthernet0/0): %s\n'
                    '[OK - %d bytes]\n\n' % (proto, host, name, name, host, bangs, len(data))
                    if proto == 'tftp' else ' Sending file modes: C0644 %d %s\n%s\n'
                    % (len(data), name, bangs))
            return head + '%d bytes copied in 1.187 secs (%d bytes/sec)' % (len(data), len(data))
        return self.invalid('copy')

    def archive(self, args):
        """archive download-sw [/leave-old-sw|/overwrite|...] fs:X-tar.V.tar:
        unpacks the tar's image folder on every member. Lines from a 3750-E
        session (`examining image...`, `extracting info (106 bytes)`, the
        `Image Directory:` / `Image Name:` block) and a 2960 session
        (`Extracting images from archive into flash...`, `Installing
        (renaming): `flash:update/DIR' -> `flash:/DIR'`, `New software image
        installed in flash:/DIR`, `All software images installed.`), both in
        public upgrade notes; a 3750 stack's session names each member's
        flash1:, flash2:. The folder holds the image (the tar's bytes, so a
        BAD-IMAGE tar gives an image that does not load) and an info file.
        UNCONFIRMED: whether it changes the BOOT variable (DOMAIN.md 12);
        the emulator leaves it, as the plan sets it after."""
        d = self.dev
        opts = [a for a in args if a.startswith('/')]
        src = [a for a in args if not a.startswith('/')]
        if len(src) != 1:
            return self.invalid('archive')
        v = d.vol_of(src[0])
        name = d.base(src[0])
        if v is None or name not in v.files:
            return '%%Error opening %s (No such file or directory)' % src[0]
        m = re.match(r'^(.+)-tar\.(.+)\.tar$', name)
        if not m:
            return 'ERROR: %s is not a valid image archive' % src[0]
        folder = '%s-mz.%s' % m.groups()
        data = v.files[name]
        out = ['examining image...', 'extracting info (106 bytes)',
               'extracting %s/info (522 bytes)' % folder, '',
               '  Image Directory:       %s' % folder, '  Image Name:            %s.bin' % folder,
               '', 'Extracting images from archive into flash...']
        with d.lock:
            for t in d.all_vols():
                t.files['%s/%s.bin' % (folder, folder)] = data
                t.files['%s/info' % folder] = b'version_suffix: %s\n' % m.group(2).encode()
                if folder not in t.dirs:
                    t.dirs.append(folder)
                out += ['%s/ (directory)' % folder,
                        'extracting %s/%s.bin (%d bytes)' % (folder, folder, len(data)),
                        "Installing (renaming): `%supdate/%s' ->" % (t.fs, folder),
                        "                                       `%s/%s'" % (t.fs, folder),
                        'New software image installed in %s/%s' % (t.fs, folder)]
        if '/leave-old-sw' not in opts:
            out.insert(0, '(UNCONFIRMED: the old image is kept; the emulator removes nothing)')
        return '\n'.join(out + ['', 'All software images installed.'])

    def local_copy(self, sv, sname, tv, tname, src):
        """copy flash:X flash2: -- a stack member's copy over the stack:
        `Destination filename [X]?`, `Copy in progress...CCCCCCCC` (a 2960S
        stack's `copy flash:c2960s-...bin flash2:c2960s-...bin` in a public
        switch-upgrade script's notes; netmiko's documented `copy flash:...
        flash:test1.bin` example), then `N bytes copied in S secs (R
        bytes/sec)` (a C1000 `copy ... usbflash0:` session in a public
        upgrade log)."""
        d = self.dev
        if sname not in sv.files:
            return '%%Error opening %s (No such file or directory)' % src
        tname = self.ask('Destination filename [%s]? ' % tname).strip() or tname
        data = sv.files[sname]
        if len(data) > tv.free():
            return '%%Error copying %s (Not enough space on device)' % src
        with d.lock:
            tv.files[tname] = data
        return ('Copy in progress...%s\n%d bytes copied in 2.345 secs (%d bytes/sec)'
                % ('C' * max(1, min(70, len(data) // 4096)), len(data), len(data) // 2))

    def save(self):
        d = self.dev
        with d.lock:
            d.startup = list(d.running)
            d.other_startup = list(d.other_running)
            d.modified = False
        return 'Building configuration...\n[OK]'

    def reload(self, args):
        d = self.dev
        if args == ['cancel']:
            with d.lock:
                if not d.reload_timer:
                    return '%No reload is scheduled.'
                d.reload_timer.cancel()
                d.reload_timer = None
            return '\n\n***\n*** --- SHUTDOWN ABORTED ---\n***'
        delay = 0
        if args:
            if len(args) != 2 or args[0] != 'in' or not args[1].isdigit():
                return self.invalid('reload')
            delay = int(args[1])
        if d.modified:
            while True:
                a = self.ask('System configuration has been modified. Save? [yes/no]: ').strip()
                if a.lower() in ('yes', 'y'):
                    self.write(self.save() + '\n')
                    break
                if a.lower() in ('no', 'n'):
                    break
                self.write("% Please answer 'yes' or 'no'.\n")
        if delay:
            self.write('Reload scheduled in %d minutes by admin on vty0 (127.0.0.1)\n' % delay)
        if not self.confirm('Proceed with reload? [confirm]'):
            return ''
        if delay:
            t = threading.Timer(delay * MINUTE, d.reload)
            t.daemon = True
            with d.lock:
                d.reload_timer = t
            t.start()
            return ''
        threading.Thread(target=d.reload, daemon=True).start()
        time.sleep(0.05)
        raise Dropped()

    # --- install mode ----------------------------------------------------------

    @staticmethod
    def now():
        return time.strftime('%a %b %d %H:%M:%S UTC %Y', time.gmtime())

    def install(self, w):
        """install add file F [activate [auto-abort-timer N]] [commit]
        [prompt-level none] | activate [auto-abort-timer N] [prompt-level
        none] | commit | abort | remove inactive."""
        d = self.dev
        quiet = w[-2:] == ['prompt-level', 'none']
        if quiet:
            w = w[:-2]
        timer = None
        if 'auto-abort-timer' in w:
            k = w.index('auto-abort-timer')
            if k + 1 >= len(w) or not w[k + 1].isdigit():
                return self.invalid('install')
            timer = int(w[k + 1])
            w = w[:k] + w[k + 2:]
        if w[:2] == ['add', 'file'] and len(w) >= 3 and set(w[3:]) <= {'activate', 'commit'}:
            act, com = 'activate' in w[3:], 'commit' in w[3:]
            op = 'install_add' + ('_activate' if act else '') + ('_commit' if com else '')
            if not d.install_mode and not (act and com):
                return ('install_add: START %s\ninstall_add: Adding IMG\n [1]  %s FAILED: Booted in '
                        'bundle mode. For Bundle-to-Install mode conversion, please use one-shot '
                        'CLI - install add file <> activate commit\nFAILED: install_add %s %s'
                        % (self.now(), d.member_names()[0], w[2], self.now()))
            if act or com:
                self.write('%s: START %s\n' % (op, self.now()))
            img = self.install_add(w[2])
            if isinstance(img, str):
                return img + '\nFAILED: %s %s %s' % (op.replace('install_', '', 1) if act else op,
                                                     w[2], self.now())
            if not act:
                return 'SUCCESS: install_add /%s/%s %s' % (d.fs.rstrip(':'), d.base(w[2]),
                                                           self.now())
            if not self.install_activate(img, quiet, timer if not com else None):
                return ''
            if com:
                self.install_commit()
            self.write('\nSUCCESS: %s %s\n' % (op, self.now()))
            self.reload_soon()
            return ''
        if w == ['activate']:
            img = [i for i in d.imgs if i['st'] == 'I']
            if not img:
                return 'FAILED: install_activate : no package to activate'
            if self.install_activate(img[-1], quiet, timer):
                self.reload_soon()
            return ''
        if w == ['commit']:
            if not any(i['st'] in 'UD' for i in d.imgs):
                return 'FAILED: install_commit : no uncommitted operation'
            self.write('install_commit: START %s\n' % self.now())
            self.install_commit()
            return 'SUCCESS: install_commit %s' % self.now()
        if w == ['abort']:
            if not any(i['st'] == 'U' for i in d.imgs):
                return 'FAILED: install_abort : no operation to abort'
            self.write('install_abort: START %s\n' % self.now())
            if not quiet and self.ask('\nThis operation may require a reload of the system. '
                                      'Do you want to proceed? [y/n]').strip().lower() != 'y':
                return ''
            with d.lock:
                d.abort_install()
            self.write('\n--- Starting Abort ---\nPerforming Abort on all members\n%s'
                       'Checking status of Abort on [%s]\nAbort: Passed on [%s]\n'
                       'Finished Abort operation\n\nSUCCESS: install_abort %s\n'
                       % (''.join(' [%s] Abort packages(s) on %s\n' % (m.split()[-1], m)
                                  for m in d.member_names()), d.member_ids(), d.member_ids(),
                          self.now()))
            d.activating = True
            self.reload_soon()
            return ''
        if w == ['remove', 'inactive']:
            return self.install_remove()
        if w[:3] == ['rollback', 'to', 'id'] and len(w) == 4:
            if not w[3].isdigit():
                return self.invalid('install')
            return self.install_rollback(int(w[3]), quiet)
        return self.invalid('install')

    def install_rollback(self, n, quiet):
        """install rollback to id N [prompt-level none]: back to the
        packages of that rollback point, then the reload. The lines follow
        genielibs' execute_install_rollback mock on a 9300 stack (`install
        rollback to base`: `install_rollback: START <date>`,
        `install_rollback: Rolling back to base`, `--- Starting Rollback
        ---`, `Performing Rollback on all members`, `Rollback: Passed on [1
        2 3]`, `Finished Rollback operation`, `SUCCESS: install_rollback
        <date>`; research21 4); `Rolling back to id N` and the failure line
        are modelled on them (no capture of `to id N`: UNCONFIRMED)."""
        d = self.dev
        pt = [p for p in d.points if p['id'] == n]
        self.write('install_rollback: START %s\ninstall_rollback: Rolling back to id %d\n'
                   % (self.now(), n))
        img = pt[0]['img'] if pt else None
        if not img or img not in d.imgs or any(f not in d.files for f in img['files']):
            return 'FAILED: install_rollback : rollback point %d not found %s' % (n, self.now())
        if not quiet and self.ask('This operation may require a reload of the system. Do you '
                                  'want to proceed? [y/n]').strip().lower() != 'y':
            return ''
        with d.lock:
            for i in d.imgs:
                if i is not img and i['st'] in 'CUD':
                    i['st'] = 'I'
            img['st'] = 'C'
            for v in d.all_vols():
                v.files['packages.conf'] = d.conf_text([f for f in img['files'] if f in v.files])
            d.abort_timer = None
            d.activating = True
        self.write('\n--- Starting Rollback ---\nPerforming Rollback on all members\n%s'
                   'Checking status of Rollback on [%s]\nRollback: Passed on [%s]\n'
                   'Finished Rollback operation\n\nSUCCESS: install_rollback %s\n'
                   % (''.join(' [%s] Finished Rollback on %s\n' % (m.split()[-1], m)
                              for m in d.member_names()), d.member_ids(), d.member_ids(),
                      self.now()))
        self.reload_soon()
        return ''

    def install_add(self, path):
        """Expand fs:X.bin into the release's packages: the image row, or
        the error text."""
        d = self.dev
        name = d.base(path)
        if not path.startswith(d.fs) or name not in d.files:
            return '%%Error opening %s (No such file or directory)' % path
        # cat9k_iosxe.17.12.04.SPA.bin, cat9k_lite_iosxe...,
        # cat3k_caa-universalk9.16.12.10a.SPA.bin (DOMAIN.md section 5)
        m = re.match(r'^(.*?)(_iosxe|-universalk9)\.(\d\d\.\d\d\.\d\d[a-z]?)\.SPA\.bin$', name)
        if not m:
            return ' [1]  %s FAILED: %s is not a valid package' % (d.member_names()[0], path)
        prefix, kind, rel = m.groups()
        data = d.files[name]
        bad = isinstance(data, (bytes, bytearray)) and data.startswith(BAD)
        members = d.member_names()
        self.write('install_add: START %s\ninstall_add: Adding IMG\n'
                   '--- Starting initial file syncing ---\nCopying %s from %s to %s\n'
                   'Info: Finished copying to the selected %s\nFinished initial file syncing\n\n'
                   '--- Starting Add ---\nPerforming Add on all members\n'
                   % (self.now(), path, members[0], ' '.join([members[0]] + [m.split()[-1] for m in members[1:]]),
                      members[0].split()[0]))
        files = ['%s-rpboot.%s.SPA.pkg' % (prefix, rel), '%s-rpbase.%s.SPA.pkg' % (prefix, rel)]
        ver = '%s.0.%d' % (rel, 100 + int(hashlib.md5(rel.encode()).hexdigest()[:4], 16) % 9000)
        with d.lock:
            for v in d.all_vols():
                v.files[name] = data
                for f in files:
                    v.files[f] = (BAD + b' ' if bad else b'PKG ') + f.encode() + b'\n'
                v.files['%s%s.%s.SPA.conf' % (prefix, kind, rel)] = d.conf_text(files)
            d.imgs = [i for i in d.imgs if i['rel'] != rel]
            img = {'ver': ver, 'rel': rel, 'st': 'I', 'files': files}
            d.imgs.append(img)
        self.write('Checking status of Add on [%s]\nAdd: Passed on [%s]\nImage added. Version: %s\n'
                   '\nFinished Add\n\n' % (d.member_ids(), d.member_ids(), ver))
        return img

    def install_activate(self, img, quiet, timer):
        d = self.dev
        self.write('install_activate: START %s\ninstall_activate: Activating IMG\n'
                   'Following packages shall be activated:\n%s\n'
                   % (self.now(), ''.join('/%s/%s\n' % (d.fs.rstrip(':'), f) for f in img['files'])))
        if not quiet:
            a = self.ask('This operation may require a reload of the system. Do you want to '
                         'proceed? [y/n]')
            if a.strip().lower() != 'y':
                return False
        with d.lock:
            for v in d.all_vols():
                old = v.files.get('packages.conf')
                if old is not None:
                    v.files['packages.conf.00-'] = old
                v.files['packages.conf'] = d.conf_text(img['files'])
            for i in d.imgs:
                if i['st'] == 'C':
                    i['st'] = 'D'
            img['st'] = 'U'
            # Cisco's VG400 guide: the auto-abort timer, 120 minutes
            # unless given (DOMAIN.md 8: UNCONFIRMED on Cat9k).
            d.abort_timer = timer or 120
            d.activating = True
        ms = d.member_names()
        self.write('--- Starting Activate ---\nPerforming Activate on all members\n%s'
                   '%s\n%sChecking status of Activate on [%s]\nActivate: Passed on [%s]\n'
                   'Finished Activate\n\n'
                   % (''.join(' [%s] Activate package(s) on %s\n' % (m.split()[-1], m) for m in ms),
                      self.save(), ''.join(' [%s] Finished Activate on %s\n' % (m.split()[-1], m)
                                           for m in ms), d.member_ids(), d.member_ids()))
        return True

    def install_commit(self):
        d = self.dev
        with d.lock:
            for i in d.imgs:
                if i['st'] == 'U':
                    i['st'] = 'C'
                    # the committed state is the next rollback point
                    d.points.append({'id': max([p['id'] for p in d.points] + [0]) + 1,
                                     'img': i})
                elif i['st'] == 'D':
                    i['st'] = 'I'
            d.abort_timer = None
        ms = d.member_names()
        self.write('--- Starting Commit ---\nPerforming Commit on all members\n%s%s'
                   'Checking status of Commit on [%s]\nCommit: Passed on [%s]\n'
                   'Finished Commit operation\n'
                   % (''.join(' [%s] Commit package(s) on %s\n' % (m.split()[-1], m) for m in ms),
                      ''.join(' [%s] Finished Commit on %s\n' % (m.split()[-1], m) for m in ms),
                      d.member_ids(), d.member_ids()))

    def install_remove(self):
        """Deletes the inactive images' packages and every .bin (install
        mode boots none); asks first."""
        d = self.dev
        with d.lock:
            gone = [f for i in d.imgs if i['st'] == 'I' for f in i['files']]
            gone += [n for i in d.imgs if i['st'] == 'I' for n in d.files
                     if n.endswith('.%s.SPA.conf' % i['rel'])]
            gone += sorted(n for n in d.files if n.endswith('.bin'))
            gone = [f for f in gone if f in d.files]
        self.write('install_remove: START %s\ninstall_remove: Removing IMG\n'
                   'Cleaning up unnecessary package files\n\n' % self.now())
        if gone:
            self.write('The following files will be deleted:\n[%s]:\n%s\n'
                       % (d.member_names()[0].lower(),
                          ''.join('/%s/%s\n' % (d.fs.rstrip(':'), f) for f in gone)))
            if self.ask('Do you want to remove the above files? [y/n]').strip().lower() == 'y':
                with d.lock:
                    for v in d.all_vols():
                        for f in gone:
                            v.files.pop(f, None)
                    d.imgs = [i for i in d.imgs if i['st'] != 'I']
                self.write('\n[%s]:\n%sSUCCESS: Files deleted.\n'
                           % (d.member_names()[0].lower(),
                              ''.join('Deleting file %s%s ... done.\n' % (d.fs, f) for f in gone)))
        return 'SUCCESS: install_remove %s' % self.now()

    def reload_soon(self):
        """The install operation reloads the device after printing its
        result and the prompt (the VG400 guide's session: `SUCCESS: ...`,
        `vg410#`, then the boot)."""
        t = threading.Timer(0.3, self.dev.reload)
        t.daemon = True
        t.start()

    def config(self, line):
        d = self.dev
        if line in ('end', '\x1a', 'exit'):
            self.mode = 'exec'
            return ''
        if line.startswith('do '):
            self.mode = 'exec'
            try:
                return self.command(line[3:])
            finally:
                self.mode = 'config'
        w = line.split()
        with d.lock:
            # `boot system switch all PATH` on a stack (DOMAIN.md 3:
            # every member's BOOT variable; `switch N` one member's,
            # which the emulator does not model)
            if w[:2] == ['boot', 'system'] and (len(w) == 3 or (len(w) == 5 and w[2:4] == [
                    'switch', 'all'])):
                entry = ' '.join(w[2:])
                if d.classic_switch:
                    # One path-list: the command replaces it, and sets
                    # the BOOT variable at once.
                    d.running = [entry]
                    d.bootvar = w[-1]
                else:
                    if entry not in d.running:
                        d.running.append(entry)
                d.modified = True
                return ''
            if w[:3] == ['no', 'boot', 'system']:
                if len(w) == 3:
                    d.running = []
                elif ' '.join(w[3:]) in d.running:
                    d.running.remove(' '.join(w[3:]))
                if d.classic_switch:
                    d.bootvar = ';'.join(re.sub(r'^switch (all|\d+) ', '', e) for e in d.running)
                d.modified = True
                return ''
            if w[:3] == ['ip', 'tftp', 'blocksize'] and len(w) == 4 and w[3].isdigit():
                d.other_running = [l for l in d.other_running if not l.startswith('ip tftp blocksize')]
                d.other_running.append(line)
                d.modified = True
                return ''
            if w == ['no', 'ip', 'tftp', 'blocksize']:
                d.other_running = [l for l in d.other_running if not l.startswith('ip tftp blocksize')]
                d.modified = True
                return ''
        return self.invalid(line)


# --- the SSH server --------------------------------------------------------------

class Server(paramiko.ServerInterface):
    def __init__(self, dev):
        self.dev = dev
        self.shell = threading.Event()

    def check_auth_password(self, username, password):
        return paramiko.AUTH_SUCCESSFUL

    def check_auth_publickey(self, username, key):
        return paramiko.AUTH_FAILED

    def get_allowed_auths(self, username):
        return 'password'

    def check_channel_request(self, kind, chanid):
        return paramiko.OPEN_SUCCEEDED if kind == 'session' else \
            paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_pty_request(self, *a):
        return True

    def check_channel_shell_request(self, channel):
        self.shell.set()
        return True

    def check_channel_exec_request(self, channel, command):
        return False


def serve_one(dev, sock, key):
    with dev.lock:
        up = dev.up
    if not up:
        sock.close()
        return
    t = paramiko.Transport(sock)
    t.add_server_key(key)
    srv = Server(dev)
    try:
        t.start_server(server=srv)
    except Exception:
        return
    chan = t.accept(20)
    if chan is None or not srv.shell.wait(10):
        t.close()
        return
    s = Session(dev, chan)
    with dev.lock:
        if not dev.up:
            t.close()
            return
        dev.sessions.add(s)
    s.run()
    t.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--capture', required=True)
    ap.add_argument('--server-root', required=True)
    ap.add_argument('--port', type=int, default=0)
    args = ap.parse_args()
    dev = Device(args.capture, args.server_root)
    key = paramiko.RSAKey.generate(1024)
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(('127.0.0.1', args.port))
    ls.listen(8)
    sys.stdout.write('PORT %d\n' % ls.getsockname()[1])
    sys.stdout.flush()
    while True:
        sock, _ = ls.accept()
        threading.Thread(target=serve_one, args=(dev, sock, key), daemon=True).start()


if __name__ == '__main__':
    main()
