#!/usr/bin/env bash
# Makes sure a coding font of the site's monospace stack (src/site/styles/global.css, --font-mono) is
# installed, so the browser tests can check that Hangul in transcripts stays aligned. Debian's
# fonts-nanum-coding provides NanumGothicCoding; nothing is downloaded from elsewhere.
set -euo pipefail
if fc-list : family 2>/dev/null | grep -i "NanumGothicCoding" >/dev/null; then exit 0; fi
echo "NanumGothicCoding not found; installing Debian's fonts-nanum-coding package…"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-nanum-coding >/dev/null
fc-list : family | grep -i "NanumGothicCoding" >/dev/null
