#!/usr/bin/env python3
"""Embed a text file in C as `const char NAME[]` (the rule catalogue is
compiled into the binary so that it is always the one the rules were built
with)."""
import sys

src, dst, name = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, 'rb').read()
with open(dst, 'w') as out:
    out.write('/* generated from %s: do not edit */\n#include <stddef.h>\n' % src.split('/')[-1])
    out.write('const char %s[] = {\n' % name)
    for i in range(0, len(data), 16):
        out.write('  ' + ''.join('%d,' % b for b in data[i:i + 16]) + '\n')
    out.write('  0\n};\n')
    out.write('const size_t %s_len = %d;\n' % (name, len(data)))
