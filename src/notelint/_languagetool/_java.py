"""Find Java and check that it is 17 or newer."""

from __future__ import annotations

import re
import shutil
import subprocess

from ._errors import JAVA_FIX, LanguageToolUnavailable

MIN_JAVA = 17
_VERSION_RE = re.compile(r'version "(\d+)(?:\.(\d+))?[^"]*"')


def parse_java_major(output: str) -> int | None:
    """Major version from `java -version` output: '"17.0.15"' -> 17, '"1.8.0_292"' -> 8."""
    match = _VERSION_RE.search(output)
    if match is None:
        return None
    major = int(match.group(1))
    # Java 8 and older report themselves as 1.x.
    if major == 1 and match.group(2) is not None:
        return int(match.group(2))
    return major


def find_java() -> str:
    """Path of a Java 17+ executable, or LanguageToolUnavailable."""
    java = shutil.which("java")
    # No java on PATH at all.
    if java is None:
        raise LanguageToolUnavailable("Java is not installed (no `java` on PATH)", JAVA_FIX)
    try:
        proc = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LanguageToolUnavailable(f"`java -version` failed: {exc}", JAVA_FIX) from exc
    major = parse_java_major(proc.stderr + proc.stdout)
    # Unparseable output: refuse rather than guess.
    if major is None:
        raise LanguageToolUnavailable(
            "could not read the Java version from `java -version`", JAVA_FIX
        )
    # Too old for LanguageTool 6.
    if major < MIN_JAVA:
        raise LanguageToolUnavailable(
            f"Java {major} is too old: LanguageTool needs Java {MIN_JAVA} or newer", JAVA_FIX
        )
    return java
