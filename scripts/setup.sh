#!/usr/bin/env bash
# Installs what building and testing socinv needs: Debian packages for the C++
# side and a virtualenv in .venv with the Python tools (cmake and ninja included,
# so the system cmake's version does not matter). Safe and quick to run again.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

debian_packages=(g++ make libboost-date-time-dev nlohmann-json3-dev libgtest-dev)

missing=()
for pkg in "${debian_packages[@]}"; do
    if ! dpkg -s "$pkg" >/dev/null 2>&1; then
        missing+=("$pkg")
    fi
done

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
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

venv=".venv"
python="${PYTHON:-python3}"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "setup: creating virtualenv $venv"
    "$python" -m venv "$venv"
fi

requirements="requirements/dev.txt"
stamp="$venv/.socinv-dev-requirements.sha256"
want="$(sha256sum "$requirements" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
    echo "setup: installing $requirements into $venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -r "$requirements"
    echo "$want" >"$stamp"
fi
