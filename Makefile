# cunwu — two commands on a fresh Debian/Ubuntu machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Shared libraries Qt needs on a minimal Debian, a CJK font for readable screens, poppler for PDF checks.
# The xcb libraries are what Qt's X11 platform plugin loads on a desktop (and under Xvfb).
APT_PACKAGES := libgl1 libegl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
	libxcb-randr0 libxcb-xinerama0 fonts-wqy-microhei poppler-utils

.PHONY: run test bench bench-print-large fuzz crash lint sysdeps venv screenshots clean

run: sysdeps $(STAMP)
	$(VENV)/bin/cunwu

test: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# Issue 13: whole-process `cunwu print` with a 100,000-row roster too (its set-up takes minutes).
bench-print-large: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen nice $(PY) -m bench.print_process --large

# Issue 11 part 8 (long: run them niced; a failing case or trial is kept under bench/out/ for replay).
fuzz: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen nice $(PY) -m bench.fuzz --cases 10000 --seed 11 --jobs 2

crash: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen nice $(PY) -m bench.crash --trials 210 --seed 11

lint: $(STAMP)
	$(VENV)/bin/ruff check models desktop tests bench

# Under a display (or xvfb-run) the real platform is used; without one, Qt's offscreen platform.
screenshots: sysdeps $(STAMP)
	if [ -n "$$DISPLAY" ]; then $(PY) packaging/screenshots.py; else QT_QPA_PLATFORM=offscreen $(PY) packaging/screenshots.py; fi

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Installs missing system packages when run as root; otherwise prints the apt command to run.
sysdeps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null; then echo "Install these system packages (Qt needs them):$$missing"; \
		elif [ "$$(id -u)" = 0 ]; then \
			echo "Installing system packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "Missing system packages. Run: sudo apt-get install$$missing"; exit 1; fi; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info
