#!/usr/bin/env python3
"""Fill unfinished entries of a .ts file from a JSON {source: translation} map (a translator's aid).

Usage: python scripts/ts_fill.py FILE.ts MAP.json   — prints the sources still missing.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main() -> int:
    ts_path, map_path = sys.argv[1], sys.argv[2]
    mapping = json.loads(Path(map_path).read_text(encoding="utf-8"))
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is None:
            continue
        forms = list(tr.iter("numerusform"))
        text = "".join(f.text or "" for f in forms) if forms else (tr.text or "")
        if tr.get("type") == "unfinished" or not text.strip():
            if source in mapping:
                if forms:  # Chinese has one plural form
                    for form in forms:
                        form.text = mapping[source]
                else:
                    tr.text = mapping[source]
                tr.attrib.pop("type", None)
            else:
                missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(source)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
