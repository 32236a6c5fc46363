"""LanguageTool for notelint: install the jars, run the server, check text.

Private: the engine and CLI use these names; users see ``notelint languagetool ...``.

Exceptions: everything that makes LanguageTool unusable raises ``LanguageToolUnavailable``
(reason + fix); the engine reports it as ``skipped``.
"""

from ._client import LanguageToolClient, LTMatch, normalize_lang
from ._commands import cmd_install, cmd_start, cmd_status, cmd_stop
from ._daemon import DaemonState, daemon_status, find_server, start_daemon, stop_daemon
from ._errors import INSTALL_FIX, LanguageToolUnavailable
from ._install import Installation, find_installation, install
from ._manager import connect, shutdown
from ._server import Server

__all__ = [
    "INSTALL_FIX",
    "DaemonState",
    "Installation",
    "LTMatch",
    "LanguageToolClient",
    "LanguageToolUnavailable",
    "Server",
    "cmd_install",
    "cmd_start",
    "cmd_status",
    "cmd_stop",
    "connect",
    "daemon_status",
    "find_installation",
    "find_server",
    "install",
    "normalize_lang",
    "shutdown",
    "start_daemon",
    "stop_daemon",
]
