"""ReportLab imported without two start-up costs no notice uses (issue 13: a whole `cunwu print`).

Importing this module before any ReportLab module makes these two lazy, nothing else:

* ``reportlab.lib.utils`` imports Pillow's ``PIL.Image`` at its top (≈ 20 ms) for bitmap images;
  notices draw none. ``PIL.Image`` is registered as a lazily loaded module (the standard library's
  ``importlib.util.LazyLoader``): it is executed the first time anything reads from it, so code
  that does draw an image still gets the real module.
* ``reportlab.platypus.paragraph`` compiles, at import, a case-insensitive URL pattern spanning
  ``\\xa1-\\uffff`` (≈ 35 ms, a third of that import) that it uses only to hyphenate URLs; notices
  never hyphenate. While that module is imported, ``re.compile`` hands back a stand-in for that
  one pattern, which compiles it on first use; every other pattern is compiled as usual.

Either step is skipped when the module is already imported (a GUI process that drew an image
first) and falls back to the ordinary import if anything about it differs from what is expected.
"""

from __future__ import annotations

import importlib.util
import re
import sys

#: How reportlab.platypus.paragraph's URL pattern starts (ReportLab 3.5.20 of paragraph.py, 5.x).
_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _LazyPattern:
    """A compiled pattern made on first use: its attributes are the real pattern's."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def _real(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self._real(), name)


def _lazy_pillow_image() -> None:
    if "PIL.Image" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("PIL.Image")  # imports the small PIL package, not Image
        if spec is None or spec.loader is None:
            return
        loader = importlib.util.LazyLoader(spec.loader)  # TypeError: a loader without exec_module
        spec.loader = loader
        module = importlib.util.module_from_spec(spec)
    except (ImportError, TypeError, ValueError):
        return  # (a frozen build's importer, say): ReportLab imports Pillow as usual
    sys.modules["PIL.Image"] = module
    loader.exec_module(module)  # deferred until the first attribute is read
    sys.modules["PIL"].Image = module  # what `from PIL import Image` reads


def _paragraph_without_url_pattern() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_ = re.compile

    def deferring(pattern, flags=0):
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START) and flags & re.IGNORECASE:
            return _LazyPattern(pattern, flags)
        return compile_(pattern, flags)

    re.compile = deferring
    try:
        import reportlab.platypus.paragraph  # noqa: F401 - imported here, under the stand-in
    finally:
        re.compile = compile_


_lazy_pillow_image()
_paragraph_without_url_pattern()
