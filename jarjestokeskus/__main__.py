"""`python -m jarjestokeskus` runs the command line (the window by default).

Started as a user starts the window (no command, at most `--db` and `--lang`), it opens the
window straight away: the command line's parser and its commands are not loaded for it.
"""

import sys
from collections.abc import Sequence

LANGUAGES = ("fi", "sv")  # as i18n.LANGUAGES; another value is the parser's usage error


def window_options(arguments: Sequence[str]) -> dict[str, str] | None:
    """`--db` and `--lang` of a plain window start (each at most once), else None."""
    options: dict[str, str] = {}
    rest = list(arguments)
    if rest[:1] == ["gui"]:
        rest = rest[1:]
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in ("--db", "--lang") or name in options:
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if not value or (name == "--lang" and value not in LANGUAGES):
            return None
        options[name] = value
    return options


def run(arguments: Sequence[str] | None = None) -> int:
    """The program (`jarjestokeskus`, `python -m jarjestokeskus`, the built one): the window
    straight away for a plain start, else the command line."""
    arguments = sys.argv[1:] if arguments is None else list(arguments)
    options = window_options(arguments)
    if options is None:
        from jarjestokeskus.cli.main import main

        return main(arguments)
    import gc

    # The start creates some 30,000 objects that live as long as the program (modules, classes,
    # Qt's enums) and few it throws away; the garbage collector's rounds over them are ~13 ms of
    # the start. It starts again once the database layer has loaded (ui/window/start_up.py).
    gc.disable()
    from jarjestokeskus.ui.app import run_gui

    return run_gui(options.get("--db"), options.get("--lang"))


if __name__ == "__main__":
    sys.exit(run())
