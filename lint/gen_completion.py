#!/usr/bin/env python3
"""Write a shell completion from its template, with @RULE_IDS@ replaced by
the rule ids of rules/rules.yaml (read with PyYAML), so that `explain`
completes exactly the rules the binary was built with.

usage: gen_completion.py RULES_YAML TEMPLATE OUTPUT"""
import sys

import yaml


def main():
    rules_yaml, template, output = sys.argv[1:4]
    with open(rules_yaml, encoding='utf-8') as f:
        catalogue = yaml.safe_load(f)
    ids = [r['id'] for r in catalogue['rules']]
    if not ids or any(not isinstance(i, str) or not i for i in ids):
        sys.exit('gen_completion: %s: no rule ids' % rules_yaml)
    with open(template, encoding='utf-8') as f:
        text = f.read()
    if '@RULE_IDS@' not in text:
        sys.exit('gen_completion: %s: no @RULE_IDS@' % template)
    with open(output, 'w', encoding='utf-8') as f:
        f.write(text.replace('@RULE_IDS@', ' '.join(ids)))


if __name__ == '__main__':
    main()
