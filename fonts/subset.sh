#!/bin/sh
# fonts/subset.sh - make the shipped fonts from Debian's Noto Sans.
#
# The fonts in this folder are subsets of NotoSans-Regular.ttf and
# NotoSans-Bold.ttf from Debian's fonts-noto-core package: Latin (with
# all of Vietnamese), Greek, Cyrillic, punctuation, currency and letter-
# like symbols; no hinting, no glyph names, no OpenType layout tables
# (libharu and cairo's text API use none of them). libharu embeds a
# TrueType font's every table but 'glyf' whole, so what the font holds
# beyond the glyphs used costs every PDF: a one-page report is about
# 35 KB smaller with these subsets (README.md in this folder).
#
# Needs: apt-get install fonts-noto-core python3-fonttools
# Usage: fonts/subset.sh [SOURCE_DIR]   (default /usr/share/fonts/truetype/noto)
set -eu
src=${1:-/usr/share/fonts/truetype/noto}
out=$(cd "$(dirname "$0")" && pwd)
unicodes="U+0020-007E,U+00A0-024F,U+02B0-036F,U+0370-03FF,U+0400-04FF"
unicodes="$unicodes,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF"
unicodes="$unicodes,U+2100-218F,U+25CC,U+FFFD"
for w in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSans-$w.ttf" \
    --unicodes="$unicodes" --no-hinting --no-glyph-names \
    --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,DSIG \
    --name-IDs='*' --name-languages='*' \
    --output-file="$out/NotoSans-$w.ttf"
done
