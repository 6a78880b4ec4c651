"""Reading a process's ``/proc/<pid>/smaps`` (Linux): PSS, and private dirty kB by mapping."""

from collections import Counter
from pathlib import Path


def _name(header: str) -> str:
    """A mapping's name: its file's base name, ``[heap]``, or ``[anon]``."""
    fields = header.split(maxsplit=5)
    if len(fields) < 6:
        return "[anon]"
    return fields[5].strip() if fields[5].startswith("[") else Path(fields[5].strip()).name


def private_dirty(pid: int) -> Counter[str]:
    """Private dirty kB of ``pid``, summed by mapping name."""
    found: Counter[str] = Counter()
    name = "[anon]"
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        key = line.split(maxsplit=1)[0]
        if not key.endswith(":"):  # a mapping's header line: address range first
            name = _name(line)
        elif key == "Private_Dirty:":
            found[name] += int(line.split()[1])
    return found


def pss_kb(pid: int) -> int:
    """``pid``'s proportional set size, kB."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    raise ValueError(f"no Pss in /proc/{pid}/smaps_rollup")
