"""models/ is the core and must never import Qt (house rules)."""

import subprocess
import sys
import textwrap


def test_models_import_without_pyside6():
    code = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name == "desktop" or name.startswith("desktop."):
                    raise ImportError("blocked: " + name)
                return None

        sys.meta_path.insert(0, Block())
        import models
        for mod in pkgutil.walk_packages(models.__path__, "models."):
            if ".migrations.versions" in mod.name or mod.name.endswith("migrations.env"):
                continue
            importlib.import_module(mod.name)
        assert not any(m == "PySide6" or m.startswith("PySide6.") for m in sys.modules)
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
