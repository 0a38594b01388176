#!/usr/bin/python3
"""The TAP counter the emulator runs share (issue 24, point 3): one `ok N -
name` line per check, the detail of a failure as `#` lines, the plan line
last (TAP allows it at the end, and meson reads it there)."""
import sys


class Tap:
    def __init__(self, detail_lines=60):
        self.n = 0
        self.failed = 0
        self.detail_lines = detail_lines

    def ok(self, cond, name, detail='', todo=None):
        """One check: prints its line, and the tail of detail when it
        failed; returns cond, so a caller can stop a case on a failure.
        todo: a known gap, why (TAP's `# TODO`: its failure fails nothing,
        and meson reports its pass as unexpected, so the mark goes once
        the gap is closed)."""
        self.n += 1
        self.failed += not cond and not todo
        print('%s %d - %s%s' % ('ok' if cond else 'not ok', self.n, name,
                                ' # TODO ' + todo if todo else ''))
        if not cond:
            for line in str(detail).splitlines()[-self.detail_lines:]:
                print('# ' + line)
        sys.stdout.flush()
        return cond

    def skip(self, name, why):
        """A check not made, and why (TAP's `# SKIP`: meson counts it as
        skipped, not passed)."""
        self.n += 1
        print('ok %d - %s # SKIP %s' % (self.n, name, why))
        sys.stdout.flush()

    def done(self):
        """The plan line; the exit code (1 when a check failed)."""
        print('1..%d' % self.n)
        return 1 if self.failed else 0


def self_test():
    """Run as a program: the counter as meson reads it (run in the
    fast suite: no emulator, no ansible)."""
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        t = Tap(2)
        first = t.ok(True, 'a')
        second = t.ok(False, 'b', 'one\ntwo\nthree')
        rc = t.done()
    want = 'ok 1 - a\nnot ok 2 - b\n# two\n# three\n1..2\n'
    checks = [(first is True and second is False, 'ok returns the condition'),
              (rc == 1, 'a failed check makes the exit code 1'),
              (buf.getvalue() == want, 'the lines: the result, the detail tail, the plan last')]
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        t = Tap()
        t.ok(1, 'c')
        rc = t.done()
    checks.append((rc == 0 and buf.getvalue() == 'ok 1 - c\n1..1\n', 'all passed: exit code 0'))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        t = Tap()
        t.skip('d', 'not modelled')
        t.ok(True, 'e')
        rc = t.done()
    checks.append((rc == 0 and buf.getvalue() == 'ok 1 - d # SKIP not modelled\nok 2 - e\n1..2\n',
                   'a skip counts, says why and fails nothing'))
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        t = Tap()
        t.ok(False, 'f', 'why', todo='a known gap')
        rc = t.done()
    checks.append((rc == 0 and buf.getvalue().startswith('not ok 1 - f # TODO a known gap\n'),
                   'a TODO failure is marked and fails nothing'))
    for i, (cond, name) in enumerate(checks, 1):
        print('%s %d - %s' % ('ok' if cond else 'not ok', i, name))
    print('1..%d' % len(checks))
    return 0 if all(c for c, _ in checks) else 1


if __name__ == '__main__':
    sys.exit(self_test())
