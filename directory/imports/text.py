"""Reading an import file as text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

Excel saves "CSV (semicolon separated)" in the Windows code page (cp1252 here) and "Unicode text" as
UTF-16, while everything else writes UTF-8. UTF-8 is tried first because cp1252 accepts almost any
bytes and would silently turn "å" into "Ã¥".
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from directory.imports.errors import ProblemLog

# A valid two-byte UTF-8 sequence for a Latin-1 letter ("Ã¥" when misread as cp1252): a file that has
# these and also invalid UTF-8 is a broken UTF-8 file, not a cp1252 one.
_UTF8_LATIN = re.compile(rb"[\xc3\xc5][\x80-\xbf]")


def read_text(path: Path, log: ProblemLog, *, allow_legacy: bool = True) -> tuple[str, str]:
    """The decoded text of ``path`` and the name of its encoding; raises ImportFormatError if unreadable.

    ``allow_legacy`` False accepts UTF-8 only (LDIF is UTF-8 by definition).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise log.fail(None, "", f"cannot read the file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise log.fail(None, "", "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[len(codecs.BOM_UTF8) :], "utf-8", log), "utf-8-sig"
    if allow_legacy and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", log), "utf-16"
    if b"\x00" in data:
        raise log.fail(_line_of(data, data.index(b"\x00")), "", "this is a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if not allow_legacy or _UTF8_LATIN.search(data):
            raise log.fail(_line_of(data, exc.start), "",
                           f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
                           ) from exc
    return _decode(data, "cp1252", log), "cp1252"


def _decode(data: bytes, encoding: str, log: ProblemLog) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise log.fail(_line_of(data, exc.start), "",
                       f"neither UTF-8 nor Windows-1252 text (byte 0x{data[exc.start]:02x} is invalid in "
                       f"{encoding}); save the file as UTF-8") from exc


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
