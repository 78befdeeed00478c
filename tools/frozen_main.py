"""The built program's entry (build.spec): the same as `python -m jarjestokeskus`.

It lives outside the package so that PyInstaller puts only the project root, not the package
folder itself, on the analysis path.
"""

import sys

from jarjestokeskus.__main__ import run

if __name__ == "__main__":
    sys.exit(run())
