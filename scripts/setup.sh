#!/usr/bin/env bash
# Installs what building and testing socinv needs: Debian packages for the C++
# side and a virtualenv in .venv with the Python tools (cmake and ninja included,
# so the system cmake's version does not matter). Safe and quick to run again.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# C++: Boost (dates, math distributions), nlohmann/json and simdjson (JSON), CLI11 (options),
# SQLite and OpenSSL's libcrypto (the ledger store and its hash chain), GoogleTest, and
# clang 16 with libFuzzer for the fuzz harnesses. The decision memos (`socinv report --pdf`)
# print through headless Chromium; their tests read the PDFs with poppler's pdftotext, and
# DejaVu is the memo's font.
debian_packages=(g++ make libboost-date-time-dev libboost-math-dev nlohmann-json3-dev libsimdjson-dev
                 libcli11-dev libsqlite3-dev libssl-dev libgtest-dev clang-16 libfuzzer-16-dev libclang-rt-16-dev
                 chromium poppler-utils fonts-dejavu-core)

python="${PYTHON:-python3}"

missing=()
for pkg in "${debian_packages[@]}"; do
    if ! dpkg -s "$pkg" >/dev/null 2>&1; then
        missing+=("$pkg")
    fi
done
# Debian's own python3 ships venv separately; a pyenv or other python has it built in.
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing+=(python3 python3-venv)
    python=python3
fi

if ((${#missing[@]} > 0)); then
    echo "setup: installing Debian packages: ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo_cmd=(sudo)
        else
            echo "setup: not root and no sudo; install these first: ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo_cmd[@]}" apt-get update
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
fi

venv=".venv"
requirements="requirements/dev.txt"
stamp="$venv/.socinv-dev-requirements.sha256"

# A venv whose interpreter no longer runs (its base python was removed) is made anew.
if ! "$venv/bin/python" -c '' >/dev/null 2>&1; then
    echo "setup: creating virtualenv $venv"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
    echo "setup: installing $requirements into $venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -r "$requirements"
    echo "$want" >"$stamp"
fi
