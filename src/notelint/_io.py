"""Reading note files safely and writing them back atomically."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
from pathlib import Path

from notelint._errors import InputError

NOTE_SUFFIXES = (".md", ".markdown", ".txt")
DEFAULT_MAX_BYTES = 1_000_000


def read_note_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, display: str | None = None
) -> str:
    """The text of a note file; InputError with one clear line for anything that is not a note."""
    name = display or str(path)
    data = read_regular_file(path, max_bytes + 1, name=name)
    return decode_note(data, name=name, max_bytes=max_bytes)


def read_regular_file(path: Path, limit: int, *, name: str | None = None) -> bytes:
    """Up to ``limit`` bytes of a regular file; InputError for anything else.

    The file is opened without blocking and checked with ``fstat`` before a byte is read, so
    a FIFO, a socket or a device named like a note is an error instead of a hang.
    """
    name = name or str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError("E008", path=name) from None
    except IsADirectoryError:
        raise InputError("E006", path=name, detail="it is a folder") from None
    except ValueError:  # a NUL character in the path
        raise InputError("E006", path=name, detail="the path contains a NUL character") from None
    except OSError as exc:
        raise InputError("E006", path=name, detail=_os_reason(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError("E006", path=name, detail="it is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise InputError("E012", path=name, kind=_file_kind(st.st_mode))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks: list[bytes] = []
        left = limit
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError("E006", path=name, detail=_os_reason(exc)) from None
    finally:
        os.close(fd)


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link that points to itself (a symlink loop)"
    return exc.strerror or str(exc)


def _file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def decode_note(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validate and decode raw bytes of a note."""
    if len(data) > max_bytes:
        raise InputError("E003", path=name, size=f"more than {max_bytes}", limit=max_bytes)
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise InputError("E001", path=name, detail="it looks like UTF-16")
        raise InputError("E002", path=name)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "E001", path=name, detail=f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None
    if not text.strip():
        raise InputError("E010", path=name)
    return text


def resolved(path: Path) -> Path:
    """``path`` made absolute with symlinks resolved where possible; a symlink loop (which
    ``Path.resolve`` reports as RuntimeError before Python 3.13) leaves it unresolved."""
    try:
        return path.resolve()
    except (RuntimeError, OSError, ValueError):
        return Path(os.path.abspath(path))


def _looks_like_utf16(data: bytes) -> bool:
    """Text saved as UTF-16 (with or without BOM): NUL in every other byte of a text sample."""
    sample = data[2:258] if data[:2] in (b"\xff\xfe", b"\xfe\xff") else data[:256]
    if len(sample) < 8 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return False
    for zero, other in ((1, 0), (0, 1)):  # little endian: NUL at odd offsets; big: at even
        if all(b == 0 for b in sample[zero::2]) and all(b != 0 for b in sample[other::2]):
            return True
    return False


TEMP_SUFFIX = ".notelint-tmp"
STALE_TEMP_S = 600.0  # a write takes milliseconds: a temp file this old was left by a kill


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: temp file in the same folder, fsync, rename.

    The file mode, owner and group are kept (a root ``--fix`` does not hand another user's
    file to root; when the owner cannot be kept, nothing is written and OSError is raised).
    A symlink is followed (its target is replaced, the link kept). If anything fails, the
    original is untouched and the temp file removed; temp files that an earlier, killed run
    left next to ``path`` are removed too.
    """
    path = Path(os.path.realpath(path))
    st = path.stat()
    mode = stat.S_IMODE(st.st_mode)
    remove_stale_temps(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            if hasattr(os, "fchown"):
                tmp_st = os.fstat(fh.fileno())
                if (tmp_st.st_uid, tmp_st.st_gid) != (st.st_uid, st.st_gid):
                    try:
                        os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                    except PermissionError:
                        raise PermissionError(
                            errno.EPERM, "its owner and group could not be kept"
                        ) from None
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def remove_stale_temps(path: Path, *, older_than: float = STALE_TEMP_S) -> list[Path]:
    """Remove ``.NAME.*.notelint-tmp`` files next to ``path`` older than ``older_than`` seconds
    (left by a run killed mid-write; the note itself was never touched). Returns them."""
    import time

    removed: list[Path] = []
    now = time.time()
    try:
        candidates = list(path.parent.glob(f".{glob.escape(path.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    for tmp in candidates:
        try:
            info = tmp.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue
    return removed


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
