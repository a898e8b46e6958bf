#!/usr/bin/env bash
# Starts GradLab under Xvfb, in English and in Simplified Chinese, and saves a screenshot of each
# main view into resources/screenshots/ (the README's tour uses them). GradLab trains the
# tutorial's experiment and grabs the screen as the X server shows it (gradlab --screenshots).
#   resources/screenshots/take-screenshots.sh [BUILD_DIR]
# Needs: xvfb (xvfb-run), fonts-noto-cjk for the Chinese text.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../../build}"
gradlab="$build/app/gradlab"
[ -x "$gradlab" ] || { echo "No $gradlab: build GradLab first (see the README)" >&2; exit 1; }
for p in xvfb xauth fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ -n "${missing[*]:-}" ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# A settings folder of its own, so that the user's window layout and language are not used.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
for lang in en zh_CN; do
    XDG_CONFIG_HOME="$config" LANG=C.UTF-8 xvfb-run -a -s "-screen 0 1600x1000x24" \
        "$gradlab" --language "$lang" --screenshots "$here"
done
ls "$here"/*.png
