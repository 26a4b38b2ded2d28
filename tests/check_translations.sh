#!/usr/bin/env bash
# Fails when translations/*.ts are stale: lupdate over app/ would add new messages or drop obsolete ones.
# Includes are written from the repository root, so lupdate gets it as an include path (else it loses the
# classes' translation contexts).
# Usage: check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for ts in "$source_dir"/translations/citytwin_*.ts; do
    cp "$ts" "$work/current.ts"
    report=$("$lupdate" -locations none -no-obsolete -I "$source_dir" "$source_dir/app" -ts "$work/current.ts" 2>&1)
    if ! grep -qE '\(0 new and [0-9]+ already existing\)' <<<"$report" || grep -qi 'obsolete' <<<"$report"; then
        echo "stale: $ts (run: cmake --build build/dev --target update_translations, translate, scripts/fill-translations.py)"
        echo "$report"
        status=1
    fi
done
[ $status -eq 0 ] && echo "translations: up to date"
exit $status
