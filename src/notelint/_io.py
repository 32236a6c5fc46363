"""Reading note files safely and writing them back atomically."""

from __future__ import annotations

import contextlib
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
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("E008", path=name) from None
    except IsADirectoryError:
        raise InputError("E006", path=name, detail="it is a folder") from None
    except OSError as exc:
        raise InputError("E006", path=name, detail=exc.strerror or str(exc)) from None
    return decode_note(data, name=name, max_bytes=max_bytes)


def decode_note(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Validate and decode raw bytes of a note."""
    if len(data) > max_bytes:
        raise InputError("E003", path=name, size=f"more than {max_bytes}", limit=max_bytes)
    if b"\x00" in data[:8192]:
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
