"""The README names every Debian package the window needs, as tools/system-deps installs them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_readme_lists_the_libraries_system_deps_installs() -> None:
    script = (ROOT / "tools" / "system-deps").read_text(encoding="utf-8")
    packages = set()
    for line in re.findall(r'pkgs="([^"]*)"', script):
        packages |= {word for word in line.split() if not word.startswith("$")}
    assert "libxcb-cursor0" in packages  # Qt 6.5+ starts no window without it
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert [p for p in sorted(packages) if p not in readme] == []
