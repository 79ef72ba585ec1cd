"""Faults: damaged and unreadable indexes, and builds killed with SIGKILL (at random and at each swap step)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"

# Where a save can die: (object, attribute, before or after the call). See qa.index.store.Index.save.
KILL_POINTS = [
    ("index", "write_files", "before"),  # empty version folder
    ("dense", "save", "before"),  # passages written, vectors not
    ("index", "write_files", "after"),  # complete version folder, not yet named by the link
    ("os", "symlink", "after"),  # new link made under its temporary name
    ("os", "replace", "before"),  # … about to be renamed over the old one
    ("os", "replace", "after"),  # new index in place, old version not yet removed
    ("shutil", "rmtree", "after"),  # leftovers half removed
]


def kill_during_save(index, target: Path, owner: str, attribute: str, when: str) -> int:
    """Save ``index`` to ``target`` in a forked child that SIGKILLs itself at the given point; its wait status."""
    from qa.index import store
    from qa.index.dense import DenseIndex

    owners = {"index": store.Index, "dense": DenseIndex, "os": os, "shutil": shutil}
    pid = os.fork()
    if pid == 0:  # the child never returns to the caller
        try:
            obj = owners[owner]
            real = getattr(obj, attribute)

            def dying(*args, **kwargs):
                if when == "before":
                    os.kill(os.getpid(), signal.SIGKILL)
                real(*args, **kwargs)
                os.kill(os.getpid(), signal.SIGKILL)

            setattr(obj, attribute, dying)
            index.save(target)
        finally:
            os._exit(3)  # the kill point was never reached
    _, status = os.waitpid(pid, 0)
    return status


def leftovers(target: Path) -> list[str]:
    """Entries beside ``target`` that belong to no current index."""
    current = target.resolve().name if target.is_symlink() else None
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.") and p.name != current)


def _loads(target: Path, embedder, passages: int) -> bool:
    from qa.index.store import Index

    try:
        return len(Index.load(target, CORPUS, embedder=embedder).passages) == passages
    except Exception:  # noqa: BLE001 - any failure to load is what is counted
        return False


def probe_swap_steps(index, workdir: Path) -> dict:
    """A save killed at each step of the swap: is a complete index always loadable, are leftovers cleared next time?"""
    survived, cleared, rows = 0, 0, []
    for owner, attribute, when in KILL_POINTS:
        target = workdir / f"step-{owner}-{attribute}-{when}" / "index"
        target.parent.mkdir(parents=True)
        index.save(target)
        status = kill_during_save(index, target, owner, attribute, when)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        ok = killed and _loads(target, index.embedder, len(index.passages))
        left = leftovers(target)
        index.save(target)
        clean = not leftovers(target)
        survived += ok
        cleared += clean
        step = f"{when} {owner}.{attribute}"
        rows.append({"step": step, "killed": killed, "index_loads": ok, "left": len(left), "cleared": clean})
    return {"steps": len(KILL_POINTS), "survived": survived, "cleared_next_build": cleared, "rows": rows}


def probe_random_kills(index, workdir: Path, runs: int, seed: int = 12) -> dict:
    """``qa build`` in a real process killed at a random moment, ``runs`` times; the index left must load."""
    target = workdir / "random" / "index"
    target.parent.mkdir(parents=True)
    index.save(target)
    rng = random.Random(seed)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qa", "build", "--index", str(target)], cwd=ROOT, capture_output=True, timeout=900)
    build_seconds = time.perf_counter() - started
    survived, moments = 0, []
    for _ in range(runs):
        moment = rng.uniform(0, build_seconds * 1.05)
        proc = subprocess.Popen([sys.executable, "-m", "qa", "build", "--index", str(target)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        moments.append(round(moment, 1))
        survived += _loads(target, index.embedder, len(index.passages))
    index.save(target)
    return {"runs": runs, "survived": survived, "build_seconds": round(build_seconds, 1), "moments": moments,
            "leftovers_after_next_build": len(leftovers(target))}


def _damage(kind: str, target: Path) -> None:
    real = target.resolve()
    if kind == "index is a file":
        target.unlink()
        target.write_text("not an index", "utf-8")
    elif kind == "manifest is a folder":
        (real / "manifest.json").unlink()
        (real / "manifest.json").mkdir()
    elif kind == "manifest not JSON":
        (real / "manifest.json").write_text("{", "utf-8")
    elif kind == "manifest missing":
        (real / "manifest.json").unlink()
    elif kind == "link to nowhere":
        shutil.rmtree(real)
    elif kind.startswith("delete "):
        path = real / kind.removeprefix("delete ")
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    elif kind.startswith("garble "):
        path = real / kind.removeprefix("garble ")
        path = next(path.iterdir()) if path.is_dir() else path
        path.write_bytes(b"\x00garbage" * 10)
    elif kind == "truncate passages":
        path = real / "passages.jsonl"
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGE = [
    "index is a file", "manifest is a folder", "manifest not JSON", "manifest missing", "link to nowhere",
    "delete passages.jsonl", "delete dense.faiss", "delete lexical", "garble dense.faiss", "garble lexical",
    "garble passages.jsonl", "truncate passages",
]


def probe_damage(index, workdir: Path) -> dict:
    """Each kind of damage, then ``qa ask`` in a real process: exit 1 with one clear line, or a rebuild when missing."""
    rows = []
    for kind in DAMAGE:
        target = workdir / f"damage-{kind.replace(' ', '-')}" / "index"
        target.parent.mkdir(parents=True)
        index.save(target)
        _damage(kind, target)
        proc = subprocess.run([sys.executable, "-m", "qa", "ask", "新增就业", "--index", str(target)],
                              cwd=ROOT, capture_output=True, text=True, timeout=900)
        lines = proc.stderr.strip().splitlines()
        built = any("正在构建" in line for line in lines)
        clear = "Traceback" not in proc.stderr and (proc.returncode == 1 and len(lines) == 1 or proc.returncode == 0 and built)
        message = (lines or [""])[-1].replace(str(workdir), "…")[:90]
        rows.append({"damage": kind, "exit": proc.returncode, "built": built, "clear": clear, "message": message})
    return {"kinds": len(DAMAGE), "clear": sum(r["clear"] for r in rows), "rows": rows}


def probe_unreadable(index, workdir: Path) -> dict:
    """An index folder the user may not read, as the unprivileged user ``nobody`` (when run as root)."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return {"run": False, "why": "needs root (to switch to nobody) and setpriv"}
    target = workdir / "unreadable" / "index"
    target.parent.mkdir(parents=True)
    index.save(target)
    os.chmod(target.resolve(), 0o700)
    proc = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "qa", "ask",
                           "新增就业", "--index", str(target), "--corpus", str(CORPUS)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "HOME": "/tmp"})
    lines = proc.stderr.strip().splitlines()
    message = (lines or [""])[-1].replace(str(workdir), "…")[:120]
    return {"run": True, "exit": proc.returncode, "traceback": "Traceback" in proc.stderr, "message": message}
