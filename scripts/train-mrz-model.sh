#!/usr/bin/env bash
# Rebuilds assets/ocr/mrz.traineddata: a Tesseract legacy-engine (OEM 0) model for the OCR-B font of
# machine-readable zones, trained on MRZ-like lines rendered over the 37-symbol alphabet (A-Z 0-9 <).
#
# Why our own model: the LSTM models read the OCR-B filler "<" as K, L or "<K" and break the line
# structure; the stock legacy English model does better but not well enough. A model trained on the
# very font the MRZ is printed in is small (a few hundred KB) and is shipped with the project, so the
# reader never downloads anything.
#
# Needs, from Debian (bookworm or later):
#   tesseract-ocr   5.x: tesseract, text2image, unicharset_extractor, mftraining, cntraining,
#                   combine_tessdata (and tesseract-ocr-eng, pulled in by it, which
#                   `tesseract ... box.train` loads)
#   fonts-ocr-b     the OCR-B font ("OCR B"), public domain
#   apt-get install --no-install-recommends tesseract-ocr fonts-ocr-b
#
# Usage: scripts/train-mrz-model.sh [output-dir]      (default: assets/ocr)
# Environment: MRZ_TRAIN_SEED (default 9303), MRZ_TRAIN_LINES lines per rendered page (default 50),
#              MRZ_TRAIN_PAGES pages per point size and style (default 6),
#              MRZ_TRAIN_KEEP=1 keeps the working directory for inspection.
# Takes a few minutes on one core; the result depends only on the seed and the package versions.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
out_dir="${1:-$repo_root/assets/ocr}"
seed="${MRZ_TRAIN_SEED:-9303}"
lines_per_page="${MRZ_TRAIN_LINES:-50}"
pages="${MRZ_TRAIN_PAGES:-6}"
lang=mrz
font_name='OCR B'
font_dir=/usr/share/fonts/opentype/ocr-b
# The font's name inside the .tr files; font_properties must use the same word.
font_key=ocrb

for tool in tesseract text2image unicharset_extractor mftraining cntraining combine_tessdata; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "missing $tool: apt-get install --no-install-recommends tesseract-ocr fonts-ocr-b" >&2
    exit 1
  fi
done
if [ ! -f "$font_dir/OCRB.otf" ]; then
  echo "missing the OCR-B font in $font_dir: apt-get install --no-install-recommends fonts-ocr-b" >&2
  exit 1
fi

work="$(mktemp -d -t mrz-train.XXXXXX)"
cleanup() { [ "${MRZ_TRAIN_KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"; }
trap cleanup EXIT
cd "$work"
# text2image keeps a fontconfig cache; keep it out of $HOME so the run leaves nothing behind.
mkdir -p fc-tmp

# MRZ-like training text. Half the lines follow the real layouts (TD1, TD2, TD3 lines with names,
# dates, document numbers and long filler runs), so that "<<" pairs and filler runs are segmented as
# they are in a real MRZ; the other half are uniform over the alphabet, so that every symbol gets
# plenty of samples next to every other one. awk's srand makes the text a function of the seed.
make_text() {
  awk -v seed="$1" -v count="$2" '
    function pick(set) { return substr(set, int(rand() * length(set)) + 1, 1) }
    function run(set, n,   s, i) { s = ""; for (i = 0; i < n; i++) s = s pick(set); return s }
    function pad(s, n) { while (length(s) < n) s = s "<"; return substr(s, 1, n) }
    function name(   s, k, i) {
      s = run(L, 3 + int(rand() * 9))
      k = int(rand() * 3)
      for (i = 0; i < k; i++) s = s "<" run(L, 2 + int(rand() * 7))
      return s
    }
    function names(width) { return pad(name() "<<" name(), width) }
    function date() { return sprintf("%02d%02d%02d", int(rand() * 100), 1 + int(rand() * 12), 1 + int(rand() * 28)) }
    function docnum(n) { return run(A, n) }
    function line(   r) {
      r = rand()
      if (r < 0.5) return run(A, substr("303644", 1 + 2 * int(rand() * 3), 2) + 0)
      if (r < 0.58) return pad(pick("PV") pick("<" L) run(L, 3) names(39), 44)
      if (r < 0.66) return pad(docnum(9) D1() run(L, 3) date() D1() pick("MF<") date() D1() run(A "<<<<<<<<", 14) D1() D1(), 44)
      if (r < 0.74) return pad(pick("IAC") pick("<" L) run(L, 3) docnum(9) D1() run(A "<<<<<<<<<", 15), 30)
      if (r < 0.82) return pad(date() D1() pick("MF<") date() D1() run(L, 3) run(A "<<<<<<<<<", 11) D1(), 30)
      if (r < 0.90) return pad(names(30), 30)
      if (r < 0.95) return pad(pick("IAC") pick("<" L) run(L, 3) names(31), 36)
      return pad(docnum(9) D1() run(L, 3) date() D1() pick("MF<") date() D1() run(A "<<<<<", 7) D1(), 36)
    }
    function D1() { return pick(N) }
    BEGIN {
      srand(seed)
      L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"; N = "0123456789"; A = L N "<"
      for (i = 0; i < count; i++) print line()
    }'
}

# Three point sizes at 300 dpi give character heights of roughly 30 to 42 px, the range the reader
# scales MRZ bands to. Each size is rendered in several styles, because the reader sees crisp scans
# as well as soft, noisy phone photos: clean; text2image's speckle/erosion/rotation degradation; and
# lighter and heavier "photocopier exposure" (thinner and bolder strokes) with blur and noise.
styles=(
  "--degrade_image=false --rotate_image=false"
  "--degrade_image=true --rotate_image=true"
  "--degrade_image=true --rotate_image=true --exposure=-1 --distort_image=true --invert=false --white_noise=true --smooth_noise=true --blur=true"
  "--degrade_image=true --rotate_image=true --exposure=1 --distort_image=true --invert=false --white_noise=true --smooth_noise=true --blur=true"
)
# Each rendering is sized to fit on one page, so that every box file describes a single image.
exp=0
for ptsize in 10 12 14; do
  # Room per line: the OCR B line height at this size (about 7 px per point at 300 dpi) plus leading.
  line_px=$((ptsize * 7 + 24))
  for style in "${styles[@]}"; do
    for _ in $(seq 1 "$pages"); do
      base="$lang.$font_key.exp$exp"
      make_text "$((seed + exp))" "$lines_per_page" >"$base.txt"
      # shellcheck disable=SC2086 # the style is a list of flags
      text2image --text="$base.txt" --outputbase="$base" --font="$font_name" --fonts_dir="$font_dir" \
        --fontconfig_tmpdir="$work/fc-tmp" --ptsize="$ptsize" --resolution=300 --leading=24 --char_spacing=0 \
        $style --xsize=2400 --ysize=$((lines_per_page * line_px + 400)) --margin=100 \
        --strip_unrenderable_words=false >/dev/null 2>&1
      # The last field of a box line is its page (tab boxes mark line ends and have one field fewer).
      if awk '$NF != 0 { found = 1 } END { exit !found }' "$base.box"; then
        echo "$base rendered on more than one page; lower MRZ_TRAIN_LINES" >&2
        exit 1
      fi
      exp=$((exp + 1))
    done
  done
done

# Features per character: Tesseract classifies the rendered pages against their boxes (box.train
# config) and writes one .tr file per page.
for tif in "$lang".*.tif; do
  tesseract "$tif" "${tif%.tif}" --psm 6 box.train >/dev/null 2>&1
done

unicharset_extractor "$lang".*.box >/dev/null 2>&1
# No character classes (the second field: alpha, digit, upper... bits). With them, Tesseract's
# language model keeps a word's characters all letters or all digits, and an MRZ line is one long
# word mixing both: it read "O0O0" as "0000". Without them, each character is the classifier's choice.
awk 'NR <= 2 { print; next } { $2 = 0; print }' unicharset >unicharset.plain
mv unicharset.plain unicharset
# font_properties: <font> <italic> <bold> <fixed_pitch> <serif> <fraktur>. OCR-B is fixed pitch.
echo "$font_key 0 0 1 0 0" >font_properties
# shapeclustering is left out: it is meant for Indic scripts, and here it merged D into O.
# mftraining builds its own table of shapes.
mftraining -F font_properties -U unicharset -O "$lang.unicharset" "$lang".*.tr >/dev/null 2>&1
cntraining "$lang".*.tr >/dev/null 2>&1

for part in inttemp pffmtable shapetable normproto; do
  mv "$part" "$lang.$part"
done
combine_tessdata "$lang." >/dev/null 2>&1

mkdir -p "$out_dir"
cp "$lang.traineddata" "$out_dir/$lang.traineddata"
symbols="$(($(head -n 1 "$lang.unicharset") - 1))"
echo "wrote $out_dir/$lang.traineddata ($(stat -c %s "$out_dir/$lang.traineddata") bytes, $symbols symbols, $(cat "$lang".*.box | wc -l) training boxes, seed $seed)"
