#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`, clang-14) when needed and runs each for SECONDS, one after another.
#
#   tests/fuzz/run.sh SECONDS [TARGET...]      e.g. tests/fuzz/run.sh 600, tests/fuzz/run.sh 60 filter_json
#
# Each target fuzzes its own working corpus, build/fuzz/corpus-work/TARGET (seeded from tests/fuzz/corpus/TARGET and
# kept between runs); crashing, timing-out and leaking inputs go to build/fuzz/crashes/TARGET/, the log to
# build/fuzz/logs/TARGET.log. libFuzzer stops a target at its first crash or timeout (a slow unit is saved and the
# run goes on). One line per target at the end: executions, exec/s, cov, ft, corpus (libFuzzer's units/bytes),
# files in the working corpus, finds. Copy a find into tests/fuzz/regressions/TARGET/ once it is fixed
# (test_fuzz_inputs replays them in the normal suite).
set -euo pipefail

all_targets=(incident_import filter_json gpkg_geometry oblique_metadata tileset report_template tile_content)

if [[ $# -lt 1 || ! $1 =~ ^[0-9]+$ ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
    exit 2
fi
seconds=$1
shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all_targets[@]}")

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build/fuzz

max_len_of()
{
    case $1 in
        gpkg_geometry) echo 1024 ;;
        filter_json) echo 2048 ;;
        *) echo 4096 ;;
    esac
}

# Configure and build (one compile job: the machine is shared).
if [[ ! -f $build/build.ninja ]]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    (cd "$root" && cmake --preset fuzz "${launcher[@]}")
fi
cmake --build "$build" -j1 --target "${targets[@]/#/fuzz_}"

mkdir -p "$build/logs"
# Stack traces for UBSan finds too; ASan's defaults already print them.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
summary=()
for target in "${targets[@]}"; do
    binary=$build/tests/fuzz/fuzz_$target
    work=$build/corpus-work/$target
    crashes=$build/crashes/$target
    log=$build/logs/$target.log
    mkdir -p "$work" "$crashes"
    cp -n "$root/tests/fuzz/corpus/$target/"* "$work/" 2>/dev/null || true
    before=$(find "$crashes" -type f | wc -l)
    dictionary=()
    [[ -f $root/tests/fuzz/dict/$target.dict ]] && dictionary=(-dict="$root/tests/fuzz/dict/$target.dict")
    echo "== fuzz_$target for ${seconds}s (log: $log)"
    status=0
    # One process, no -jobs/-workers. Leaks are reported too (GDAL's and PROJ's caches are freed at exit).
    "$binary" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len_of "$target")" \
        -artifact_prefix="$crashes/" -print_final_stats=1 "${dictionary[@]}" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9a-zA-Z]*\).*/\1/p' <<<"$last")
    files=$(find "$work" -type f | wc -l)
    finds=$(( $(find "$crashes" -type f | wc -l) - before ))
    line=$(printf '%-18s executions %-10s exec/s %-6s cov %-6s ft %-6s corpus %-12s files %-6s finds %s' "$target" \
        "${executions:-?}" "${per_second:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$files" "$finds")
    if [[ $status -ne 0 ]]; then
        reason=$(grep -m1 -E 'ERROR: |invariant broken|runtime error|ParseDictionaryFile' "$log" | cut -c1-140 || true)
        line+="  (exit $status: ${reason:-see the log})"
    fi
    echo "$line"
    summary+=("$line")
done
echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), ${seconds}s per target)"
printf '%s\n' "${summary[@]}"
