"""Assemble LanguageTool into the cache folder: Maven first, language-tool-python's download second.

Layout: ``<cache>/languagetool/<version>/`` with ``lib/*.jar`` (Maven) or ``ltp/`` (download),
and ``installed.json`` written last and atomically. Its presence means "installed": a second
``install()`` does nothing and needs no network.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ._errors import INSTALL_FIX, LanguageToolUnavailable
from ._java import find_java
from ._paths import VERSIONS, lt_root, version_dir

MARKER = "installed.json"
MAVEN_TIMEOUT_S = 1200
# The HTTP server refuses to start without these: its language identifier looks up
# es, ca and pt unconditionally (CommonWordsDetector), even when only en/de are checked.
LANGUAGES: tuple[str, ...] = ("en", "de")
SERVER_NEEDS: tuple[str, ...] = ("es", "ca", "pt")
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"

Echo = Callable[[str], None]


@dataclass(frozen=True)
class Installation:
    """An installed LanguageTool: its version, folder and Java class path."""

    version: str
    path: Path
    classpath: tuple[Path, ...]
    method: str


def _pom(version: str) -> str:
    modules = "".join(
        f"    <dependency><groupId>org.languagetool</groupId>"
        f"<artifactId>language-{code}</artifactId><version>{version}</version></dependency>\n"
        for code in (*LANGUAGES, *SERVER_NEEDS)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>notelint</groupId>
  <artifactId>languagetool-bundle</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>languagetool-server</artifactId>
      <version>{version}</version>
      <exclusions>
        <exclusion><groupId>org.languagetool</groupId><artifactId>language-all</artifactId></exclusion>
      </exclusions>
    </dependency>
{modules}  </dependencies>
</project>
"""


def find_installation(
    *, cache_dir: Path | None = None, version: str | None = None
) -> Installation | None:
    """The installed LanguageTool to use (the pinned version, else the newest installed)."""
    for candidate in (version,) if version else VERSIONS:
        marker = version_dir(candidate, cache_dir) / MARKER
        # Not installed (or an install that never finished).
        if not marker.is_file():
            continue
        try:
            data = json.loads(marker.read_text(encoding="utf-8"))
            base = marker.parent
            return Installation(
                version=data["version"],
                path=base,
                classpath=tuple(base / entry for entry in data["classpath"]),
                method=data["method"],
            )
        except (OSError, ValueError, KeyError):
            continue
    return None


def require_installation(
    *, cache_dir: Path | None = None, version: str | None = None
) -> Installation:
    found = find_installation(cache_dir=cache_dir, version=version)
    if found is None:
        raise LanguageToolUnavailable("LanguageTool is not installed", INSTALL_FIX)
    return found


def _write_marker(base: Path, version: str, method: str, classpath: list[str]) -> None:
    data = {
        "version": version,
        "method": method,
        "classpath": classpath,
        "installed_at": time.time(),
    }
    tmp = base / f".{MARKER}.tmp"
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, base / MARKER)


def _install_maven(mvn: str, version: str, cache_dir: Path | None, echo: Echo) -> Installation:
    base = version_dir(version, cache_dir)
    base.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=base) as tmp:
        (Path(tmp) / "pom.xml").write_text(_pom(version), encoding="utf-8")
        echo(f"Resolving LanguageTool {version} (server + en, de) with Maven ...")
        cmd = [
            mvn, "-q", "-B", "-f", str(Path(tmp) / "pom.xml"),
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={Path(tmp) / 'lib'}", "-DincludeScope=runtime",
        ]  # fmt: skip
        try:
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=MAVEN_TIMEOUT_S, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise LanguageToolUnavailable(
                f"Maven did not finish within {MAVEN_TIMEOUT_S} s", INSTALL_FIX
            ) from exc
        jars = sorted((Path(tmp) / "lib").glob("*.jar"))
        # Maven failed, or resolved nothing usable.
        if proc.returncode != 0 or not any(j.name.startswith("languagetool-server") for j in jars):
            tail = " | ".join((proc.stdout + proc.stderr).strip().splitlines()[-3:])
            raise LanguageToolUnavailable(
                f"Maven could not resolve LanguageTool {version}: {tail or 'no jars'}", INSTALL_FIX
            )
        lib = base / "lib"
        if lib.exists():
            shutil.rmtree(lib)
        os.replace(Path(tmp) / "lib", lib)
    _write_marker(base, version, "maven", ["lib/*"])
    return require_installation(cache_dir=cache_dir, version=version)


def _install_download(version: str, cache_dir: Path | None, echo: Echo) -> Installation:
    """language-tool-python's own download (a full LanguageTool zip) into ``<version>/ltp``."""
    from language_tool_python.download_lt import LocalLanguageTool

    base = version_dir(version, cache_dir)
    target = base / "ltp"
    target.mkdir(parents=True, exist_ok=True)
    echo(f"Maven not found: downloading LanguageTool {version} with language-tool-python ...")
    previous = os.environ.get("LTP_PATH")
    os.environ["LTP_PATH"] = str(target)
    try:
        LocalLanguageTool.from_version_name(version).download()
    except Exception as exc:  # the library raises many kinds (HTTP, checksum, zip)
        raise LanguageToolUnavailable(
            f"downloading LanguageTool {version} failed: {exc}", INSTALL_FIX
        ) from exc
    finally:
        if previous is None:
            os.environ.pop("LTP_PATH", None)
        else:
            os.environ["LTP_PATH"] = previous
    jar = target / f"LanguageTool-{version}" / "languagetool-server.jar"
    # The zip layout changed or the download was incomplete.
    if not jar.is_file():
        raise LanguageToolUnavailable(f"downloaded LanguageTool has no {jar.name}", INSTALL_FIX)
    _write_marker(base, version, "download", [str(jar.relative_to(base))])
    return require_installation(cache_dir=cache_dir, version=version)


def install(
    *,
    cache_dir: Path | None = None,
    version: str | None = None,
    echo: Echo | None = None,
) -> Path:
    """Install LanguageTool into the cache and return its folder; a no-op when already there.

    Tries the pinned versions newest first (or only ``version``). Uses ``mvn`` when on PATH,
    else language-tool-python's download. Raises LanguageToolUnavailable on failure.
    """
    say: Echo = echo or (lambda _line: None)
    existing = find_installation(cache_dir=cache_dir, version=version)
    # Already installed: nothing to do, no network.
    if existing is not None:
        say(f"LanguageTool {existing.version} is already installed in {existing.path}")
        return existing.path
    find_java()
    candidates = (version,) if version else VERSIONS
    # Folders this call creates: removed again when nothing could be installed.
    new_dirs = [
        p
        for p in (
            lt_root(cache_dir).parent,
            lt_root(cache_dir),
            *(version_dir(c, cache_dir) for c in candidates),
        )
        if not p.exists()
    ]
    lt_root(cache_dir).mkdir(parents=True, exist_ok=True)
    mvn = shutil.which("mvn")
    errors: list[str] = []
    for candidate in candidates:
        try:
            if mvn is not None:
                found = _install_maven(mvn, candidate, cache_dir, say)
            else:
                found = _install_download(candidate, cache_dir, say)
        except LanguageToolUnavailable as exc:
            errors.append(exc.reason)
            say(exc.reason)
            continue
        say(f"LanguageTool {found.version} installed in {found.path}")
        return found.path
    _remove_new(new_dirs)
    if mvn is None:
        raise LanguageToolUnavailable(
            "Maven (mvn) is not on PATH and the download fallback failed: " + "; ".join(errors),
            MAVEN_FIX,
        )
    raise LanguageToolUnavailable("; ".join(errors), MAVEN_NETWORK_FIX)


MAVEN_FIX = (
    "install Maven 3 (`apt-get install maven`, `brew install maven` or "
    "https://maven.apache.org/install.html) so mvn is on PATH, or let the download reach "
    "the internet; then run `notelint languagetool install` again "
    "(until then, `notelint check --no-grammar` works without LanguageTool)"
)
MAVEN_NETWORK_FIX = (
    "Maven needs to reach Maven Central: check the network or the proxy in "
    "~/.m2/settings.xml, then run `notelint languagetool install` again "
    "(until then, `notelint check --no-grammar` works without LanguageTool)"
)


def _remove_new(folders: list[Path]) -> None:
    """Remove what a failed install created, deepest first: a version folder without a marker
    with its contents, the cache folders above it only when empty (others may use them)."""
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.parent.name == "languagetool" and not (folder / MARKER).exists():
            shutil.rmtree(folder, ignore_errors=True)
            continue
        with contextlib.suppress(OSError):
            folder.rmdir()
