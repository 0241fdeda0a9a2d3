#!/usr/bin/env bash
# Fetches the default model from its public source into models/ssd_mobilenet_v1_coco_quant/ and checks
# its sha256 against the manifest. For users without ../shared (the development checkout's shared folder).
# Usage: models/fetch.sh   (needs curl and unzip; then point detect.tflite's model.path at the new file)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
manifest="$here/ssd_mobilenet_v1_coco_quant.json"
url=$(sed -n 's/.*"upstream": "\(.*\)".*/\1/p' "$manifest")
want=$(sed -n 's/^  "sha256": "\(.*\)".*/\1/p' "$manifest")
dest="$here/ssd_mobilenet_v1_coco_quant"
mkdir -p "$dest"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
curl -fsSL -o "$tmp/model.zip" "$url"
unzip -q -o "$tmp/model.zip" -d "$tmp"
got=$(sha256sum "$tmp/detect.tflite" | cut -d' ' -f1)
if [ "$got" != "$want" ]; then
  echo "sha256 mismatch: got $got, manifest says $want" >&2
  exit 1
fi
mv "$tmp/detect.tflite" "$dest/model.tflite"
mv "$tmp/labelmap.txt" "$dest/labels.txt"
echo "model ready: $dest/model.tflite (sha256 $got)"
