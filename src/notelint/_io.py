"""Reading note files safely and writing them back atomically."""

from __future__ import annotations

import contextlib
import errno
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


def atomic_write(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically: temp file in the same folder, fsync, rename.

    The file mode is kept and a symlink is followed (its target is replaced, the link kept).
    If anything fails, the original is untouched and the temp file removed.
    """
    path = Path(os.path.realpath(path))
    mode = stat.S_IMODE(path.stat().st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".notelint-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


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
