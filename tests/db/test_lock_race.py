"""The database lock is the operating system's: one writer however two programs race for it, and
the lock goes with a program that dies."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
from pathlib import Path

import pytest

from jarjestokeskus.db.lock import DatabaseLock, lock_path, read_holder

pytestmark = pytest.mark.sqlite_only
ROUNDS = 200


def _contender(database: str, barrier, results, rounds: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(rounds):
        lock = DatabaseLock(Path(database))
        barrier.wait()  # both start at the same instant
        got = lock.acquire() is None
        results.put((number, got))
        barrier.wait()  # both have tried while the winner still holds it
        lock.release()
        barrier.wait()


def _hold_until_killed(database: str, ready, _never) -> None:  # type: ignore[no-untyped-def]
    lock = DatabaseLock(Path(database))
    assert lock.acquire() is None
    ready.set()
    _never.wait(60)


def test_two_programs_racing_for_the_lock_never_both_get_it(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    database = tmp_path / "register.sqlite"
    barrier, results = context.Barrier(2, timeout=30), context.Queue()
    programs = [
        context.Process(target=_contender, args=(str(database), barrier, results, ROUNDS)) for _ in "ab"
    ]
    for program in programs:
        program.start()
    winners: dict[int, int] = {}
    for _ in range(2 * ROUNDS):
        number, got = results.get(timeout=30)
        winners[number] = winners.get(number, 0) + got
    for program in programs:
        program.join(30)
        assert program.exitcode == 0
    assert sorted(winners) == list(range(ROUNDS))
    assert [n for n, count in winners.items() if count != 1] == []  # never two writers, never none


def test_the_lock_goes_with_a_program_that_dies_and_names_it_while_alive(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    database = tmp_path / "register.sqlite"
    ready, never = context.Event(), context.Event()
    program = context.Process(target=_hold_until_killed, args=(str(database), ready, never))
    program.start()
    try:
        assert ready.wait(30)
        holder = DatabaseLock(database).acquire()
        assert holder is not None and holder.pid == program.pid
    finally:
        program.kill()  # SIGKILL: no chance to clean up
        program.join(30)
    assert lock_path(database).exists()  # its name is left behind…
    mine = DatabaseLock(database)
    assert mine.acquire() is None  # …but the lock went with it
    holder = read_holder(database)
    assert holder is not None and holder.pid == os.getpid()
    mine.release()
    assert not lock_path(database).exists()


def test_a_leftover_name_with_a_number_now_used_by_another_process_does_not_block(tmp_path: Path) -> None:
    database = tmp_path / "register.sqlite"
    holder = {"user": "x", "host": socket.gethostname(), "pid": os.getppid(), "since": ""}  # alive
    lock_path(database).write_text(json.dumps(holder), encoding="utf-8")
    lock = DatabaseLock(database)
    assert lock.acquire() is None
    lock.release()
