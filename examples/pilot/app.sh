#!/bin/sh
# The app: busybox httpd in the foreground. exec, so SIGTERM from the pilot reaches httpd itself.
echo "app: serving /tmp/www on :8080"
exec httpd -f -p 8080 -h /tmp/www
