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
        self.captured_release = release_of(self.image)
        self.classic_switch = bool(find(self.cmds, 'show boot')) and 'BOOT path-list' in (
            find(self.cmds, 'show boot') or '')
        m = re.search(r'Configuration register is (0x[0-9A-Fa-f]+)', self.version_text)
        self.confreg = m.group(1) if m else '0x2102'
        self.files = {}   # name -> bytes
        self.listing_style = 'xe'
        self.flash_total = None
        self.read_flash()
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

    @staticmethod
    def base(path):
        p = path.split(':', 1)[-1]
        return p.lstrip('/')

    def read_flash(self):
        """The files the capture lists: contents unknown, so bytes of the
        listed length that name the file (a captured image loads)."""
        listing = find(self.cmds, 'show %s' % self.fs, 'dir %s' % self.fs) or ''
        for line in listing.splitlines():
            m = re.match(r'^\s*\d+\s+(\d+)\s+\w{3} \d+ \d{4} [\d:]+ (\S+)$', line)
            if m:
                self.listing_style = 'xe'
            else:
                m = re.match(r'^\s*\d+\s+[-drwx]+\s+(\d+)\s+.*?[\d:]+ [+-]\d\d:\d\d\s+(\S+)$', line)
                if m:
                    self.listing_style = 'classic'
            if m and not m.group(2).endswith('/'):
                n = int(m.group(1))
                seed = ('captured %s\n' % m.group(2)).encode()
                self.files[m.group(2)] = (seed * (n // len(seed) + 1))[:n] if n < 1 << 20 \
                    else Sized(n, seed)
            m = re.match(r'^\s*(\d+) bytes total \((\d+) bytes free\)', line)
            if m:
                self.flash_total = int(m.group(1))
            m = re.match(r'^\s*(\d+) bytes available \((\d+) bytes used\)', line)
            if m:
                self.flash_total = int(m.group(1)) + int(m.group(2))

    def used(self):
        return sum(len(v) for v in self.files.values())

    def free(self):
        return (self.flash_total or 1 << 33) - self.used()

    # --- boot ---------------------------------------------------------------

    def loads(self, entry):
        if ':' not in entry:
            return None
        fs = entry.split(':')[0] + ':'
        name = self.base(entry)
        if fs != self.fs or name not in self.files:
            return None
        data = self.files[name]
        if isinstance(data, (bytes, bytearray)) and data.startswith(BAD):
            return None
        return name

    def decide_boot(self):
        """(image name or None for ROMMON, how)."""
        if int(self.confreg, 16) & 0xF == 0:
            return None, 'config-register boot field 0'
        if self.classic_switch:
            entries = [e for e in (self.bootvar or '').split(';') if e]
        else:
            entries = list(self.startup)
        for i, e in enumerate(entries):
            name = self.loads(e)
            if name:
                return name, 'entry %d' % (i + 1)
        for name in sorted(self.files):
            if name.endswith('.bin') and self.loads(self.fs + name):
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
            name, how = self.decide_boot()
            self.boots.append((name, how))
            if name:
                self.image = name
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
        new = release_of(self.image)
        old = self.captured_release
        if new and old and new != old:
            t = t.replace('Version %s' % old[0], 'Version %s' % new[0])
            t = t.replace('Version %s,' % old[1], 'Version %s,' % new[1])
            t = re.sub(r'(\*\s+\d+\s+\d+\s+\S+\s+)%s' % re.escape(old[0]),
                       lambda m: m.group(1) + new[0].ljust(len(old[0])), t)
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

    def show_flash(self):
        if self.listing_style == 'classic':
            lines = ['', 'Directory of %s/' % self.fs, '']
            for i, (n, d) in enumerate(sorted(self.files.items())):
                lines.append('%5d  -rwx  %10d   Mar 5 2026 09:31:10 +00:00  %s' % (i + 2, len(d), n))
            lines += ['', '%d bytes total (%d bytes free)' % (self.flash_total, self.free())]
            return '\n'.join(lines)
        lines = ['-#- --length-- -----date/time------ path']
        for i, (n, d) in enumerate(sorted(self.files.items())):
            lines.append('%3d %10d Mar 05 2026 09:14:22 %s' % (i + 1, len(d), n))
        lines += ['', '%d bytes available (%d bytes used)' % (self.free(), self.used())]
        return '\n'.join(lines)

    def show_boot(self):
        t = find(self.cmds, 'show boot')
        return re.sub(r'(BOOT path-list\s*: ).*', lambda m: m.group(1) + self.bootvar, t)


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
        m = re.match(r'^(.*?)\s*\|\s*(include|i|inc)\s+(.*)$', line)
        if m:
            line, flt = m.group(1), m.group(3)
        out = self.exec_(line)
        if out is not None and flt is not None:
            rx = re.compile(flt)
            out = '\n'.join(l for l in out.splitlines() if rx.search(l))
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
        if low == 'show boot' and d.classic_switch:
            return d.show_boot()
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
        if not path.startswith(d.fs) or name not in d.files:
            return '%%Error opening %s (No such file or directory)' % path
        if d.listing_style == 'classic':
            return ('Directory of %s/%s\n\n    2  -rwx  %10d   Mar 5 2026 09:31:10 +00:00  %s\n\n'
                    '%d bytes total (%d bytes free)' % (d.fs, name, len(d.files[name]), name,
                                                        d.flash_total, d.free()))
        return ('Directory of %s%s\n\n   12  -rw-  %10d  Mar 7 2026 10:01:02 +00:00  %s\n\n'
                '%d bytes total (%d bytes free)' % (d.fs, name, len(d.files[name]), name,
                                                    d.flash_total or 0, d.free()))

    def md5(self, name):
        data = self.dev.files[name]
        if isinstance(data, Sized):
            h = hashlib.md5()
            h.update(data.seed)
            return h.hexdigest()
        return hashlib.md5(data).hexdigest()

    def verify(self, path, want):
        d = self.dev
        name = d.base(path)
        if not path.startswith(d.fs) or name not in d.files:
            return '%%Error opening %s (No such file or directory)' % path
        h = self.md5(name)
        out = '.' * 8 + 'Done!\n'
        if want is None:
            return out + 'verify /md5 (%s) = %s' % (path, h)
        if want.lower() == h:
            return out + 'Verified (%s) = %s' % (path, h)
        return out + ('%%Error verifying %s\nComputed signature = %s\nSubmitted signature = %s'
                      % (path, h, want))

    def delete(self, args):
        d = self.dev
        force = args and args[0] == '/force'
        if force:
            args = args[1:]
        if len(args) != 1:
            return self.invalid('delete')
        path = args[0]
        name = d.base(path)
        if not force:
            self.ask('Delete filename [%s]? ' % name)
            if not self.confirm('Delete %s? [confirm]' % path):
                return ''
        with d.lock:
            if name not in d.files:
                return '%%Error deleting %s (No such file or directory)' % path
            del d.files[name]
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
        if s and dst.startswith(d.fs) and dst.count(':') == 1:
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
            if len(data) > d.free():
                return '%%Error copying %s://%s/%s (Not enough space on device)' % (proto, host, name)
            with d.lock:
                d.files[dname] = data
            bangs = '!' * max(1, min(70, len(data) // 512))
            head = ('Accessing %s://%s/%s...\nLoading %s from %s (via GigabitEthernet0/0): %s\n'
                    '[OK - %d bytes]\n\n' % (proto, host, name, name, host, bangs, len(data))
                    if proto == 'tftp' else ' Sending file modes: C0644 %d %s\n%s\n'
                    % (len(data), name, bangs))
            return head + '%d bytes copied in 1.187 secs (%d bytes/sec)' % (len(data), len(data))
        return self.invalid('copy')

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
            if w[:2] == ['boot', 'system'] and len(w) == 3:
                if d.classic_switch:
                    # One path-list: the command replaces it, and sets
                    # the BOOT variable at once.
                    d.running = [w[2]]
                    d.bootvar = w[2]
                else:
                    if w[2] not in d.running:
                        d.running.append(w[2])
                d.modified = True
                return ''
            if w[:3] == ['no', 'boot', 'system']:
                if len(w) == 3:
                    d.running = []
                elif w[3] in d.running:
                    d.running.remove(w[3])
                if d.classic_switch:
                    d.bootvar = ';'.join(d.running)
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
