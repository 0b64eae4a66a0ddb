#!/usr/bin/env bash
# Regenerates assets/sandbox/identification.mp4, the short video the sandbox serves for providers that
# record one (Get video). Needs Debian's ffmpeg; the result is committed, so nothing runs at install time.
set -euo pipefail
cd "$(dirname "$0")/.."
ffmpeg -v error -y \
  -f lavfi -i "testsrc2=size=320x240:rate=15:duration=3" \
  -f lavfi -i "sine=frequency=440:duration=3" \
  -vf "drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='OpenAssure sandbox':fontcolor=white:fontsize=18:box=1:boxcolor=black@0.6:x=(w-tw)/2:y=h-th-12" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 32 -preset veryslow \
  -c:a aac -b:a 32k -movflags +faststart \
  assets/sandbox/identification.mp4
ls -l assets/sandbox/identification.mp4
