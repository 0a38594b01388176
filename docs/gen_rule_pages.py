#!/usr/bin/env python3
"""Write one Markdown page per rule of rules/rules.yaml (read with PyYAML):
what it catches, why it matters, the bad example capture with what iosplan
says about it, the fixed capture, the fix and how to silence the rule.

The examples' findings come from running the iosplan just built on the
catalogue's examples, so a page shows what the binary really prints.

usage: gen_rule_pages.py --ids RULES_YAML
       gen_rule_pages.py RULES_YAML SOURCE_ROOT IOSPLAN OUTDIR"""
import json
import os
import subprocess
import sys

import yaml


def load(rules_yaml):
    with open(rules_yaml, encoding='utf-8') as f:
        rules = yaml.safe_load(f)['rules']
    for r in rules:
        for key in ('id', 'severity', 'title', 'rationale', 'fix'):
            if not isinstance(r.get(key), str) or not r[key].strip():
                sys.exit('gen_rule_pages: %s: rule %s has no %s' % (rules_yaml, r.get('id'), key))
    return rules


def example_args(ex):
    args = []
    for key, opt in (('target', '--target'), ('size', '--size'), ('md5', '--md5'),
                     ('catalog', '--catalog')):
        if ex.get(key) is not None:
            args += [opt, str(ex[key])]
    return args


def lint(iosplan, src, ex, fmt):
    cmd = [iosplan, 'lint', '--color', 'never', '--format', fmt] + example_args(ex) + [ex['capture']]
    r = subprocess.run(cmd, cwd=src, capture_output=True, text=True, timeout=60)
    if r.returncode not in (0, 1):
        sys.exit('gen_rule_pages: %s failed: %s' % (' '.join(cmd), r.stderr))
    return r.stdout


def capture_lines(src, path):
    with open(os.path.join(src, path), encoding='utf-8', errors='replace') as f:
        return [l.rstrip('\r\n') for l in f]


def excerpt(lines, numbers):
    width = len(str(max(numbers))) if numbers else 1
    out, last = [], None
    for n in sorted(set(numbers)):
        if last is not None and n > last + 1:
            out.append('%*s | ...' % (width, ''))
        out.append('%*d | %s' % (width, n, lines[n - 1] if 0 < n <= len(lines) else ''))
        last = n
    return out


def findings_of(iosplan, src, ex, rule_id):
    doc = json.loads(lint(iosplan, src, ex, 'json'))
    return [f for d in doc['devices'] for f in d['findings'] if f['rule'] == rule_id]


def command_line(ex):
    words = ['iosplan', 'lint'] + example_args(ex) + [ex['capture']]
    return ' '.join(words)


def bad_section(r, iosplan, src):
    ex = r['examples']['bad']
    found = findings_of(iosplan, src, ex, r['id'])
    if not found:
        sys.exit('gen_rule_pages: %s: the bad example does not trigger the rule' % r['id'])
    numbers = []
    for f in found:
        for loc in [f['location']] + f['related']:
            if loc and loc.get('file') == ex['capture'] and loc.get('line'):
                numbers.append(loc['line'])
    lines = capture_lines(src, ex['capture'])
    out = ['## The bad capture', '', '`%s`%s:' % (ex['capture'], with_target(ex)), '']
    if numbers:
        out += ['```'] + excerpt(lines, numbers) + ['```', '']
    out += ['What iosplan says:', '', '```', '$ ' + command_line(ex)]
    text = lint(iosplan, src, ex, 'gcc')
    out += [l for l in text.splitlines() if l.endswith('[%s]' % r['id'])]
    out += ['```', '']
    return out, [lines[n - 1] for n in numbers if 0 < n <= len(lines)]


def with_target(ex):
    extra = example_args(ex)
    return ' with `%s`' % ' '.join(extra) if extra else ''


def similar_lines(lines, bad_lines):
    """Lines of the fixed capture that start like the bad capture's flagged
    lines (`boot system`, `Configuration register`, ...)."""
    def key(line):
        words = [w for w in line.split() if not w[0].isdigit()]
        return ' '.join(words[:2]) if len(words) >= 2 else None
    wanted = {key(b) for b in bad_lines} - {None}
    picked, per_key = [], {}
    for i, l in enumerate(lines):
        k = key(l)
        if k in wanted and per_key.get(k, 0) < 3:
            per_key[k] = per_key.get(k, 0) + 1
            picked.append(i + 1)
    return picked[:8]


def good_section(r, iosplan, src, bad_lines):
    ex = r['examples']['good']
    if findings_of(iosplan, src, ex, r['id']):
        sys.exit('gen_rule_pages: %s: the good example triggers the rule' % r['id'])
    lines = capture_lines(src, ex['capture'])
    out = ['## The fixed one', '', '`%s`%s:' % (ex['capture'], with_target(ex)), '']
    numbers = similar_lines(lines, bad_lines)
    if numbers:
        out += ['```'] + excerpt(lines, numbers) + ['```', '']
    out += ['`%s` reports no `%s` finding.' % (command_line(ex), r['id']), '']
    return out


def fix_markdown(fix):
    """Indented lines of a catalogue fix are commands: fence them."""
    out, code = [], False
    for line in fix.rstrip().splitlines():
        is_code = line.startswith('  ')
        if is_code != code:
            out.append('\n```' if is_code else '```\n')
            code = is_code
        out.append(line[2:] if is_code else line)
    if code:
        out.append('```')
    return out


def page(r, iosplan, src):
    out = ['# %s' % r['id'], '',
           '**%s**' % r['title'].strip(), '',
           'Default severity: %s. `iosplan explain %s` prints this page\'s text.' % (r['severity'], r['id']), '',
           '## What it catches', '', r['title'].strip() + '.', '']
    if r.get('captures'):
        out += ['It reads: ' + ', '.join('`%s`' % c for c in r['captures']) + '.', '']
    out += ['## Why it matters', '', r['rationale'].strip(), '']
    bad, bad_lines = bad_section(r, iosplan, src)
    out += bad
    out += good_section(r, iosplan, src, bad_lines)
    out += ['## Fix', ''] + fix_markdown(r['fix']) + ['']
    out += ['## Silence it', '',
            'In `.iosplan.yaml` (found upward from the first capture, or given with',
            '`--config`), turn the rule off or change its severity:', '',
            '```yaml', 'rules:', '  %s: off        # or: error | warning | note' % r['id'], '```', '',
            'There is no inline switch: captures are what the device printed, and',
            'iosplan reads no comments in them. To silence the rule for some devices',
            'only, keep their captures in a folder with its own `.iosplan.yaml`.', '']
    return '\n'.join(out)


def main():
    if sys.argv[1] == '--ids':
        print('\n'.join(r['id'] for r in load(sys.argv[2])))
        return
    rules_yaml, src, iosplan, outdir = sys.argv[1:5]
    iosplan = os.path.abspath(iosplan)
    rules = load(rules_yaml)
    os.makedirs(outdir, exist_ok=True)
    for r in rules:
        with open(os.path.join(outdir, r['id'] + '.md'), 'w', encoding='utf-8') as f:
            f.write(page(r, iosplan, src))
    with open(os.path.join(outdir, 'index.md'), 'w', encoding='utf-8') as f:
        f.write('# iosplan rules\n\n| id | default | what it catches |\n|---|---|---|\n')
        for r in rules:
            f.write('| [`%s`](%s.md) | %s | %s |\n' % (r['id'], r['id'], r['severity'],
                                                    r['title'].strip().replace('|', '\\|')))


if __name__ == '__main__':
    main()
