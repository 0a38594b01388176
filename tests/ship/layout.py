#!/usr/bin/env python3
"""Tests that the tree's layout is what its docs and build say (issue 19).

usage: layout.py TEST [ARGS...]; prints TAP.

  suites BUILD_ROOT   every test is in one of the suites tests/meson.build
                      documents (meson's introspection of BUILD_ROOT)
  architecture        every folder docs/architecture.md names exists, and
                      every static_library() of every meson.build is named
                      in it, with its folder
  libraries BUILD_ROOT  each static library compiles only sources of its
                      own folder: none of a subfolder that is another
                      library's, none of another folder (issue 19: no
                      library built out of another folder's sources)
  links               every relative link of README.md and docs/*.md names
                      a file of the tree, and its #anchor a heading there
                      (the guides moved from the README to docs/)

Both read what they check from the tree and the build, never from a list
typed here, so a new library, folder or test without its doc or suite fails.
"""
import json
import os
import re
import subprocess
import sys

SRC = os.path.realpath(os.path.join(os.path.dirname(__file__), '..', '..'))


# the TAP printer the other ship tests use
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ship import Tap  # noqa: E402


# --- suites ------------------------------------------------------------------

def documented_suites():
    """The suites the comment at the top of tests/meson.build lists: lines
    `#   NAME  what it holds`, up to the first line that is not a comment."""
    names = []
    with open(os.path.join(SRC, 'tests', 'meson.build')) as fh:
        for line in fh:
            if not line.startswith('#'):
                break
            m = re.match(r'#   ([a-z]+)\s{2,}\S', line)
            if m:
                names.append(m.group(1))
    return names


def test_suites(t, build_root):
    suites = documented_suites()
    t.ok(set(suites) >= {'unit', 'cli', 'editors', 'ship', 'fuzz', 'slow'},
         'tests/meson.build documents the suites unit, cli, editors, ship, fuzz, slow',
         'documented: %s' % suites)
    with open(os.path.join(build_root, 'meson-info', 'intro-tests.json')) as fh:
        tests = json.load(fh)
    t.ok(len(tests) > 0, 'the build has tests')
    for test in sorted(tests, key=lambda x: x['name']):
        # meson names a suite PROJECT:SUITE, and gives a test with none the
        # project's name alone
        mine = [s.split(':', 1)[1] for s in test['suite'] if ':' in s]
        t.ok(any(s in suites for s in mine), 'test %s is in a documented suite' % test['name'],
             'its suites: %s; documented: %s' % (test['suite'], ', '.join(suites)))


# --- docs/architecture.md ----------------------------------------------------

def meson_libraries():
    """Every static_library('NAME', ...) in the tree's meson.build files
    (tracked or new), as (NAME, meson.build path)."""
    try:
        r = subprocess.run(['git', '-C', SRC, 'ls-files', '--cached', '--others',
                            '--exclude-standard', '*meson.build'], capture_output=True, text=True)
    except OSError:  # no git on this machine
        r = None
    if r is not None and r.returncode == 0:
        files = r.stdout.split()
    else:  # a tree outside git (an unpacked tarball): every meson.build but builds'
        files = [os.path.relpath(os.path.join(d, 'meson.build'), SRC)
                 for d, subdirs, names in os.walk(SRC)
                 if 'meson.build' in names and not os.path.relpath(d, SRC).startswith('build')
                 and 'node_modules' not in d]
    libs = []
    for rel in sorted(files):
        path = os.path.join(SRC, rel)
        if not os.path.exists(path):
            continue  # removed in the work tree, not yet in the index
        with open(path) as fh:
            for m in re.finditer(r"static_library\(\s*'([^']+)'", fh.read()):
                libs.append((m.group(1), rel))
    return libs


def doc_folders(text):
    """The folders the doc names: every `path/` in backquotes (a folder is
    written with its trailing slash, as in `parsers/model/`)."""
    return sorted(set(re.findall(r'`([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/)`', text)))


def test_architecture(t):
    path = os.path.join(SRC, 'docs', 'architecture.md')
    if not t.ok(os.path.exists(path), 'docs/architecture.md exists'):
        return
    with open(path) as fh:
        text = fh.read()
    folders = doc_folders(text)
    t.ok(len(folders) >= 5, 'the doc names the folders (`path/`)', 'named: %s' % folders)
    for f in folders:
        t.ok(os.path.isdir(os.path.join(SRC, f)), 'folder %s it names exists' % f)
    libs = meson_libraries()
    t.ok(len(libs) >= 5, 'the meson.build files declare libraries', 'found: %s' % libs)
    for name, where in libs:
        t.ok(re.search(r'(?<![\w-])%s(?![\w-])' % re.escape(name), text) is not None,
             'library %s (%s) is in the doc' % (name, where))
        # and its folder, so that a new lint/<command>/ is placed on the map
        folder = os.path.dirname(where).replace(os.sep, '/') + '/'
        t.ok(folder in folders, 'folder %s of library %s is named in the doc' % (folder, name),
             'named: %s' % folders)
    # the layers the doc states are the ones scripts/check-layers enforces
    spec = subprocess.run([sys.executable, os.path.join(SRC, 'scripts', 'check-layers'), '--layers'],
                          capture_output=True, text=True)
    layers = spec.stdout.strip()
    t.ok(spec.returncode == 0 and layers and layers in text,
         'the doc states the layers as scripts/check-layers has them (%s)' % layers,
         spec.stderr)


# --- each library from its own folder's sources ----------------------------

def library_sources(build_root):
    """(library, its folder, [its source files]) for every static library of
    the build, from meson's introspection; sources the build generates are
    left out."""
    with open(os.path.join(build_root, 'meson-info', 'intro-targets.json')) as fh:
        targets = json.load(fh)
    build = os.path.realpath(build_root)
    out = []
    for tg in targets:
        if tg['type'] != 'static library':
            continue
        folder = os.path.dirname(os.path.realpath(tg['defined_in']))
        srcs = [os.path.realpath(f) for ts in tg['target_sources'] for f in ts.get('sources', [])]
        out.append((tg['name'], folder,
                    [f for f in srcs if not f.startswith(build + os.sep)]))
    return out


def owner(path, folders):
    """The deepest of folders that holds path, or None."""
    best = None
    for f in folders:
        if path.startswith(f + os.sep) and (best is None or len(f) > len(best)):
            best = f
    return best


def test_libraries(t, build_root):
    libs = library_sources(build_root)
    t.ok(len(libs) >= 5, 'the build has static libraries', 'found: %s' % [n for n, _, _ in libs])
    folders = {f for _, f, _ in libs}
    for name, folder, srcs in sorted(libs):
        strays = [os.path.relpath(f, SRC) for f in srcs if owner(f, folders) != folder]
        t.ok(srcs and not strays,
             'library %s compiles only sources of %s/' % (name, os.path.relpath(folder, SRC)),
             'from elsewhere: %s' % strays if strays else 'no sources')


# --- links between README.md and docs/ ----------------------------------------

LINK_RE = re.compile(r'\]\(([^)\s]+)\)')


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation but '-'
    and '_' dropped, each space a '-'."""
    text = heading.strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


def anchors(path):
    out = set()
    fence = False
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('```'):
                fence = not fence
            m = None if fence else re.match(r'^#{1,6} (.*)', line)
            if m:
                out.add(slug(m.group(1)))
    return out


def test_links(t):
    pages = ['README.md'] + sorted(os.path.join('docs', f) for f in os.listdir(os.path.join(SRC, 'docs'))
                                   if f.endswith('.md'))
    checked = 0
    for page in pages:
        with open(os.path.join(SRC, page), encoding='utf-8') as fh:
            text = fh.read()
        for target in LINK_RE.findall(text):
            if re.match(r'^[a-z]+:', target):
                continue  # https:, mailto:
            checked += 1
            file, _, anchor = target.partition('#')
            dest = os.path.normpath(os.path.join(SRC, os.path.dirname(page), file)) if file \
                else os.path.join(SRC, page)
            if not t.ok(os.path.exists(dest), '%s: link %s names a file' % (page, target)):
                continue
            if anchor and dest.endswith('.md'):
                t.ok(anchor in anchors(dest), '%s: link %s names a heading' % (page, target),
                     'headings: %s' % sorted(anchors(dest)))
    t.ok(checked >= 10, 'README.md and docs/ link to each other (%d links)' % checked)
    readme = open(os.path.join(SRC, 'README.md'), encoding='utf-8').read()
    for page in pages[1:]:
        t.ok('](%s)' % page in readme, 'README.md links %s' % page)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    name, args = sys.argv[1], sys.argv[2:]
    t = Tap()
    if name == 'suites' and len(args) == 1:
        test_suites(t, args[0])
    elif name == 'architecture' and not args:
        test_architecture(t)
    elif name == 'libraries' and len(args) == 1:
        test_libraries(t, args[0])
    elif name == 'links' and not args:
        test_links(t)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return t.done()


if __name__ == '__main__':
    sys.exit(main())
