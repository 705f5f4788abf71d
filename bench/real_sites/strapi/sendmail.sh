#!/usr/bin/env bash
# Strapi's mail transport (nodemailer's sendmail, in config/plugins.js): each message goes to a file in
# .work/mail/ beside this script instead of being sent; nothing reaches the network.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/.work/mail"
mkdir -p "$dir"
cat > "$dir/$(date +%s%N).eml"
