"""`python -m jarjestokeskus` runs the command line (the window by default)."""

import sys

from jarjestokeskus.cli.main import main

sys.exit(main())
