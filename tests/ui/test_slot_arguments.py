"""No slot gets an argument it does not expect: `clicked` passes `checked`, and PySide hands it on.

PySide gives a Python function as many of the signal's arguments as it has positional
parameters, and a signal's `emit` all of them. So `QPushButton(clicked=self.done.emit)` with a
`done = Signal()` fails at every click ("done() only accepts 0 argument(s), 1 given!"), and
`clicked.connect(self.attach)` with `def attach(self, path=None)` gets `path=False`. This test
reads every connection in the window's code and checks the slot against the signal's arguments.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import jarjestokeskus.ui

UI = Path(jarjestokeskus.ui.__file__).parent
# The Qt signals the window connects, with the number of arguments each passes.
QT_SIGNALS = {
    "clicked": 1,
    "triggered": 1,
    "toggled": 1,
    "accepted": 0,
    "rejected": 0,
    "returnPressed": 0,
    "editingFinished": 0,
    "textEdited": 1,
    "currentIndexChanged": 1,
    "currentRowChanged": 1,
    "currentTextChanged": 1,
    "linkActivated": 1,
    "itemActivated": 1,
    "itemChanged": 1,
    "itemDoubleClicked": 1,
    "activated": 1,
    "stateChanged": 1,
    "valueChanged": 1,
    "dateChanged": 1,
    "timeout": 0,
}
# Arguments a slot may take by default and still be right to receive (`checked` of a click).
IGNORED_ARGUMENT = ("_", "checked")


@dataclass(frozen=True)
class Connection:
    where: str
    signal: str
    slot: ast.expr
    own_methods: dict[str, ast.FunctionDef]  # of the class that connects: what `self.name` is


def _modules() -> dict[Path, ast.Module]:
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(UI.rglob("*.py"))}


def _declared_signals(modules: dict[Path, ast.Module]) -> dict[str, set[int]]:
    """Each `name = Signal(...)` of the window's classes: how many arguments it carries."""
    signals: dict[str, set[int]] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "Signal"
            ):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        signals.setdefault(target.id, set()).add(len(node.value.args))
    return signals


def _methods(modules: dict[Path, ast.Module]) -> dict[str, list[ast.FunctionDef]]:
    methods: dict[str, list[ast.FunctionDef]] = {}
    for tree in modules.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        methods.setdefault(item.name, []).append(item)
    return methods


def _connections(modules: dict[Path, ast.Module]) -> list[Connection]:
    """`x.signal.connect(slot)` and `Widget(signal=slot)`."""
    found = []
    everywhere = {
        node.name: node
        for tree in modules.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }

    def methods_of(cls: ast.ClassDef) -> dict[str, ast.FunctionDef]:
        """The class's own methods and those it inherits from the window's classes."""
        inherited: dict[str, ast.FunctionDef] = {}
        for base in reversed(cls.bases):
            if isinstance(base, ast.Name) and base.id in everywhere and everywhere[base.id] is not cls:
                inherited.update(methods_of(everywhere[base.id]))
        return inherited | {item.name: item for item in cls.body if isinstance(item, ast.FunctionDef)}

    for path, tree in modules.items():
        classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        owner = {id(node): methods_of(cls) for cls in classes for node in ast.walk(cls)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            own = owner.get(id(node), {})
            where = f"{path.relative_to(UI.parent)}:{node.lineno}"
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "connect"
                and isinstance(func.value, ast.Attribute)
                and node.args
            ):
                found.append(Connection(where, func.value.attr, node.args[0], own))
            for keyword in node.keywords:
                if keyword.arg in QT_SIGNALS:
                    found.append(Connection(where, keyword.arg, keyword.value, own))
    return found


def _receiving(arguments: ast.arguments, passed: int, skip_self: bool) -> list[tuple[str, bool]]:
    """The parameters that receive the signal's arguments, each with whether it has a default."""
    positional = [*arguments.posonlyargs, *arguments.args][1 if skip_self else 0 :]
    first_default = len(positional) - len(arguments.defaults)
    return [(p.arg, i >= first_default) for i, p in enumerate(positional)][:passed]


def _problems(connection: Connection, signals: dict[str, set[int]], methods: dict[str, list]) -> list[str]:
    passed = QT_SIGNALS.get(connection.signal)
    if passed is None and len(signals.get(connection.signal, ())) == 1:
        (passed,) = signals[connection.signal]
    if passed is None:
        return []  # a signal this test does not know: nothing to check against
    slot = connection.slot
    problems = []
    if isinstance(slot, ast.Attribute) and slot.attr == "emit" and isinstance(slot.value, ast.Attribute):
        for carried in signals.get(slot.value.attr, ()):
            if carried != passed:
                problems.append(
                    f"{slot.value.attr}.emit takes {carried} argument(s), {connection.signal} passes {passed}"
                )
        return problems
    if isinstance(slot, ast.Lambda):
        candidates = [(slot.args, False)]
    elif isinstance(slot, ast.Attribute):
        own = connection.own_methods.get(slot.attr)
        is_self = isinstance(slot.value, ast.Name) and slot.value.id == "self"
        chosen = [own] if is_self and own is not None else methods.get(slot.attr, [])
        candidates = [(method.args, True) for method in chosen]
    else:
        return []
    for arguments, skip_self in candidates:
        if arguments.vararg is not None:
            continue
        for name, has_default in _receiving(arguments, passed, skip_self):
            if has_default and not name.startswith(IGNORED_ARGUMENT) and "checked" not in name:
                problems.append(
                    f"{connection.signal} would fill the parameter {name!r} of {ast.unparse(slot)}"
                )
    return problems


def test_no_slot_gets_an_argument_it_does_not_expect() -> None:
    modules = _modules()
    signals = _declared_signals(modules)
    methods = _methods(modules)
    connections = _connections(modules)
    assert len(connections) > 100  # the scan finds the window's connections
    problems = [f"{c.where}: {problem}" for c in connections for problem in _problems(c, signals, methods)]
    assert problems == []


def test_the_check_finds_the_defect_it_is_for() -> None:
    """The attach button's defect, as it was: a click's `checked` into a signal without arguments."""
    tree = ast.parse(
        "class List:\n"
        "    attach_requested = Signal()\n"
        "    def __init__(self):\n"
        "        self.button = QPushButton(clicked=self.attach_requested.emit)\n"
        "        self.other = QPushButton(clicked=self.attach)\n"
        "    def attach(self, path=None):\n"
        "        pass\n"
    )
    modules = {UI / "example.py": tree}
    connections = _connections(modules)
    problems = [p for c in connections for p in _problems(c, _declared_signals(modules), _methods(modules))]
    assert problems == [
        "attach_requested.emit takes 0 argument(s), clicked passes 1",
        "clicked would fill the parameter 'path' of self.attach",
    ]
