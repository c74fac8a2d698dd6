#!/usr/bin/env bash
# Install the Debian packages GIScope's tests and PDF briefings need, when they are missing:
# chromium (browser tests through Playwright), fonts-wqy-microhei (CJK), fonts-thai-tlwg (Thai) and
# fonts-dejavu-core (Latin, Greek, Cyrillic) for embedded PDF fonts, poppler-utils (pdffonts, pdftoppm)
# to check PDFs as a reader sees them.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# the TrueType flavour of Loma explicitly: fonts-thai-tlwg alone may bring the OpenType one
[ -e /usr/share/fonts/truetype/tlwg/Loma.ttf ] || missing+=(fonts-thai-tlwg fonts-tlwg-loma-ttf fonts-tlwg-garuda-ttf)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "system-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "system-deps: need root to install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
