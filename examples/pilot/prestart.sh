#!/bin/sh
# preStart: runs before the app; a non-zero exit stops the container with that code.
set -e
mkdir -p /tmp/www
printf '%s\n' "$1" > /tmp/www/index.html
echo "preStart: wrote /tmp/www/index.html"
