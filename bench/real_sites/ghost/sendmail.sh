#!/usr/bin/env bash
# Ghost's mail transport ("sendmail" in the config up.sh writes): each message goes to a file in
# .work/mail/ beside this script instead of being sent; nothing reaches the network.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/.work/mail"
mkdir -p "$dir"
cat > "$dir/$(date +%s%N).eml"
