#!/bin/bash -e
# pi-gen: installs the appliance with the same script and overlay as the Debian image. files/ is filled by
# os-image/pi-gen/setup: os-image/ (install-overlay, overlay/, README.md), bakusoku.jar, model/, sample/, version.
sample=()
for video in files/sample/*; do
	[ -f "${video}" ] && sample=(--sample-video "${video}")
done
files/os-image/install-overlay --root "${ROOTFS_DIR}" --jar files/bakusoku.jar --model-dir files/model \
	--version "$(cat files/version)" "${sample[@]}"
# Raspberry Pi OS brings its own network (NetworkManager), SSH host key and root-resize services; SSH
# stays off (ENABLE_SSH=0) until bakusoku.txt names a key.
