#!/usr/bin/python3
"""The peer of bench/run-suite: TextFSM with the ntc-templates, as network
automation parses show output today.

    textfsm_peer.py TEMPLATE_DIR [--out FILE] [--extract-show-version DIR] FILE...

Each FILE is cut into its show version, dir and show boot outputs (at the
prompt lines "HOST#show version", or, for bare output pasted without
prompts, where an output visibly starts), and each output goes through its
ntc-templates template (cisco_ios_show_version / cisco_ios_dir /
cisco_ios_show_boot), unchanged. This cutting is the glue any TextFSM user
writes; the templates do the parsing. --out writes one JSON object per file
(file, hostname, version, config_register, dir_entries, boot_paths,
errors) for the suite's cross-check with `iosplan facts`; it appends, since
xargs may run the peer several times on one list.

--extract-show-version DIR writes each file's show version output alone to
DIR/<n>.txt (the fixed subset the suite counts instructions on) and parses
nothing.

    textfsm_peer.py --compare PEER.jsonl FACTS.json...

compares the peer's hostname, version and configuration register per device
with what `iosplan facts --format json` printed (one or more JSON documents
per file, as xargs batches write them); prints the agreement and exits 1 on
any disagreement or missing device."""
import json
import os
import re
import sys

import textfsm

PROMPT = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]{0,62})[#>] ?(.*)$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# Where a bare output starts: (prefix, kind). Configurations and anything
# else end the open output but are not parsed.
BARE = (
    ("Cisco IOS XE Software", "version"),
    ("Cisco IOS Software", "version"),
    ("IOS (tm) ", "version"),
    ("Directory of ", "dir"),
    ("BOOT path-list", "boot"),
    ("BOOT variable", "boot"),
    ("Current Boot Variables:", "boot"),
    ("Building configuration...", None),
    ("Current configuration", None),
)


def kind_of_command(cmd):
    """show version / dir / show flash: / show boot(var), abbreviations too."""
    words = cmd.split()
    if not words:
        return None
    if words[0] == "dir" or (len(words) > 1 and words[0].startswith("sh") and
                             words[1].rstrip(":") in ("flash", "bootflash", "flash0")):
        return "dir"
    if len(words) > 1 and "show".startswith(words[0]) and len(words[0]) >= 2:
        if "version".startswith(words[1]) and len(words[1]) >= 3:
            return "version"
        if words[1] in ("boot", "bootvar"):
            return "boot"
    return None


def clean(line):
    """What a terminal shows: no ANSI colours, pager residue or CR."""
    line = ANSI.sub("", line.rstrip("\r\n"))
    if "\b" in line or "--More--" in line:
        line = re.sub(r" ?--More-- ?", "", line)
        out = []
        for c in line:
            if c == "\b":
                if out:
                    out.pop()
            else:
                out.append(c)
        line = "".join(out)
    return line.rstrip()


def sections(text):
    """[(kind, [lines])] for the outputs a template reads."""
    out, cur, lines = [], None, []
    for raw in text.splitlines():
        line = clean(raw)
        m = PROMPT.match(line)
        bare = None
        if not m:
            for prefix, kind in BARE:
                if line.startswith(prefix):
                    bare = kind
                    break
        starts = m is not None or any(line.startswith(p) for p, _ in BARE)
        # a version output prints two "Cisco IOS" lines on IOS-XE; a
        # recursive dir several "Directory of": they do not cut
        if starts and not m and cur is not None and bare == cur:
            starts = False
        if starts:
            if cur:
                out.append((cur, lines))
            cur = kind_of_command(m.group(2)) if m else bare
            lines = [] if m else [line]
            continue
        if cur:
            lines.append(line)
    if cur:
        out.append((cur, lines))
    return out


def load_templates(tdir):
    names = {"version": "cisco_ios_show_version.textfsm",
             "dir": "cisco_ios_dir.textfsm",
             "boot": "cisco_ios_show_boot.textfsm"}
    tpl = {}
    for kind, name in names.items():
        with open(os.path.join(tdir, name)) as f:
            tpl[kind] = textfsm.TextFSM(f)
    return tpl


def parse_file(path, tpl):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    res = {"file": path, "hostname": None, "version": None, "config_register": None,
           "dir_entries": 0, "boot_paths": [], "errors": 0}
    for kind, lines in sections(text):
        fsm = tpl[kind]
        fsm.Reset()
        try:
            rows = fsm.ParseTextToDicts("\n".join(lines) + "\n")
        except textfsm.TextFSMError:
            res["errors"] += 1
            continue
        if kind == "version" and rows:
            r = rows[0]
            res["hostname"] = r.get("HOSTNAME") or res["hostname"]
            res["version"] = r.get("VERSION") or res["version"]
            res["config_register"] = r.get("CONFIG_REGISTER") or res["config_register"]
        elif kind == "dir":
            res["dir_entries"] += sum(1 for r in rows if r.get("NAME"))
        elif kind == "boot":
            res["boot_paths"] += [r["BOOT_PATH"] for r in rows if r.get("BOOT_PATH")]
    return res


def extract(paths, outdir):
    os.makedirs(outdir, exist_ok=True)
    n = 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for kind, lines in sections(text):
            if kind == "version":
                with open(os.path.join(outdir, "%05d.txt" % n), "w") as f:
                    f.write("\n".join(lines) + "\n")
                n += 1
                break
    print(n)


def facts_documents(paths):
    dec = json.JSONDecoder()
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        at = 0
        while True:
            while at < len(text) and text[at].isspace():
                at += 1
            if at >= len(text):
                break
            doc, at = dec.raw_decode(text, at)
            yield from (doc if isinstance(doc, list) else [doc])


def compare(peer_path, facts_paths):
    """Exit status 0 when both sides read the same facts for every device."""
    peer = {}
    with open(peer_path) as f:
        for line in f:
            r = json.loads(line)
            peer[r["hostname"]] = (r["version"], r["config_register"])
    ours = {}
    for d in facts_documents(facts_paths):
        ours[d.get("hostname")] = (d.get("version"), (d.get("config_register") or {}).get("current"))
    bad = [(h, v, ours.get(h)) for h, v in sorted(peer.items(), key=lambda x: str(x[0]))
           if ours.get(h) != v]
    extra = len(set(ours) - set(peer))
    print("peers agree on hostname, version and config register: %d of %d devices%s" %
          (len(peer) - len(bad), len(peer), ", %d devices only iosplan read" % extra if extra else ""))
    for h, v, o in bad[:10]:
        print("  disagree: %s: textfsm %s, iosplan %s" % (h, v, o))
    return 1 if bad or extra or not peer else 0


def main(argv):
    args = argv[1:]
    if args and args[0] == "--compare":
        sys.exit(compare(args[1], args[2:]))
    out_path = extract_dir = None
    if len(args) < 2:
        sys.exit(__doc__)
    tdir = args.pop(0)
    while args and args[0].startswith("--"):
        opt = args.pop(0)
        if opt == "--out":
            out_path = args.pop(0)
        elif opt == "--extract-show-version":
            extract_dir = args.pop(0)
        else:
            sys.exit("textfsm_peer.py: unknown option " + opt)
    if extract_dir:
        extract(args, extract_dir)
        return
    tpl = load_templates(tdir)
    out = open(out_path, "a") if out_path else None
    for path in args:
        res = parse_file(path, tpl)
        if out:
            out.write(json.dumps(res) + "\n")
    if out:
        out.close()


if __name__ == "__main__":
    main(sys.argv)
