#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after another, each for a given time, then prints per
# target: executions, exec/s, coverage (libFuzzer's final `cov:` and `ft:`) and crashes.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 60 s, every target)
#   scripts/fuzz.sh 0 [TARGET...]                      only replay the corpora and fuzz/regressions/
# One libFuzzer process at a time (no -jobs/-workers: libFuzzer's single in-process worker).
# libFuzzer stops at a crash; the run is then restarted for the time left (at most
# FUZZ_MAX_RESTARTS times, default 20), so every target gets its time. Crash inputs are in
# fuzz/artifacts/<target>/; minimize one with `cargo +nightly fuzz tmin <target> <file>` and keep it
# as fuzz/regressions/<target>-<short-name>. New inputs go to fuzz/target/corpus/<target>/ (not
# committed); fuzz/corpus/<target>/ holds the seeds (scripts/fuzz-seeds.mjs) and a few kept finds:
# with FUZZ_KEEP=N, a run ends by merging its small finds (up to 2 KB) against the seeds and keeping
# the N smallest that add coverage as fuzz/corpus/<target>/found-* (replacing the earlier ones).
# Needs the nightly toolchain; installs cargo-fuzz (tools/versions.env) when it is missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
source tools/versions.env

say() { printf 'fuzz: %s\n' "$*"; }
all_targets=(parse template wording whole markdown stack)
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { say "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]"; exit 2; }
shift $(($# > 0 ? 1 : 0))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [ -f "fuzz/fuzz_targets/$t.rs" ] || { say "no target \`$t\` (targets: ${all_targets[*]})"; exit 2; }
done
max_restarts=${FUZZ_MAX_RESTARTS:-20}
keep=${FUZZ_KEEP:-0}

# Tools: the nightly toolchain (sanitizers, -Z flags) and cargo-fuzz, pinned.
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi

# Seeds, when a corpus has none yet.
for t in "${targets[@]}"; do
  if ! compgen -G "fuzz/corpus/$t/seed-*" >/dev/null; then
    node scripts/fuzz-seeds.mjs
    break
  fi
done

dict_for() {
  case $1 in
    parse | whole) echo "-dict=fuzz/yaml.dict" ;;
    template) echo "-dict=fuzz/template.dict" ;;
    *) ;;
  esac
}

say "building ${targets[*]} (cargo +nightly fuzz build)"
cargo +nightly fuzz build

# Replay only: every corpus input and every regression input, once.
if [ "$seconds" -eq 0 ]; then
  failed=0
  for t in "${targets[@]}"; do
    say "replaying fuzz/corpus/$t"
    cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -runs=0 -rss_limit_mb=2048 -timeout=10 || failed=1
    regressions=(fuzz/regressions/"$t"-*)
    if [ -e "${regressions[0]}" ]; then
      say "replaying ${regressions[*]}"
      cargo +nightly fuzz run "$t" "${regressions[@]}" -- -rss_limit_mb=2048 -timeout=10 || failed=1
    fi
  done
  exit "$failed"
fi

# keep_finds TARGET: the FUZZ_KEEP smallest finds that add coverage to the seeds, as found-*.
keep_finds() {
  local t=$1 work=fuzz/target/merge/$1
  rm -rf "$work" && mkdir -p "$work/into" "$work/from"
  cp fuzz/corpus/"$t"/seed-* "$work/into/"
  find "fuzz/target/corpus/$t" "fuzz/corpus/$t" -type f \( -name 'found-*' -o ! -name '*-*' \) \
    -size -2049c -exec cp {} "$work/from/" \;
  local before
  before=$(ls "$work/into" | sort)
  cargo +nightly fuzz run "$t" "$work/into" "$work/from" -- -merge=1 -rss_limit_mb=2048 \
    -timeout=10 >>"fuzz/target/logs/$t.merge.log" 2>&1
  rm -f fuzz/corpus/"$t"/found-*
  comm -13 <(echo "$before") <(ls "$work/into" | sort) |
    while read -r file; do printf '%s %s\n' "$(wc -c <"$work/into/$file")" "$file"; done |
    sort -n | head -n "$keep" |
    while read -r _ file; do name=${file#found-}; cp "$work/into/$file" "fuzz/corpus/$t/found-${name:0:16}"; done
  say "$t: kept $(ls fuzz/corpus/"$t"/found-* 2>/dev/null | wc -l) finds in fuzz/corpus/$t/"
}

mkdir -p fuzz/target/logs
results=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/target/corpus/$t" "fuzz/artifacts/$t"
  log="fuzz/target/logs/$t.log"
  [ ! -s "$log" ] || mv "$log" "$log.prev" # the run before, kept once
  : >"$log"
  fuzzed=0 execs=0 crashes=0 restarts=0 cov=? ft=? crash_files=()
  while :; do
    left=$((seconds - fuzzed))
    [ "$left" -gt 0 ] || break
    before=$(ls "fuzz/artifacts/$t" | sort)
    # rebuilt here when src/ changed, so that the time below is fuzzing time only
    cargo +nightly fuzz build "$t" 2>>"$log"
    say "$t: ${left}s (log: $log)"
    start=$SECONDS
    set +e
    # shellcheck disable=SC2046 # dict_for prints one word or nothing
    cargo +nightly fuzz run "$t" "fuzz/target/corpus/$t" "fuzz/corpus/$t" -- \
      -max_total_time="$left" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
      -print_final_stats=1 $(dict_for "$t") >>"$log" 2>&1
    rc=$?
    set -e
    fuzzed=$((fuzzed + SECONDS - start))
    segment=$(awk '/^INFO: Seed:/ { s = "" } { s = s $0 "\n" } END { printf "%s", s }' "$log")
    n=$(grep -o 'stat::number_of_executed_units: [0-9]*' <<<"$segment" | tail -1 | awk '{ print $2 }')
    [ -n "$n" ] || n=$(grep -oE '^#[0-9]+' <<<"$segment" | tail -1 | tr -d '#')
    execs=$((execs + ${n:-0}))
    line=$(grep -E 'cov: [0-9]+ ft: [0-9]+' <<<"$segment" | tail -1 || true)
    if [ -n "$line" ]; then
      cov=$(sed -E 's/.*cov: ([0-9]+).*/\1/' <<<"$line")
      ft=$(sed -E 's/.*ft: ([0-9]+).*/\1/' <<<"$line")
    fi
    new=$(comm -13 <(echo "$before") <(ls "fuzz/artifacts/$t" | sort) |
      grep -E '^(crash|oom|timeout|leak)-' || true)
    if [ -n "$new" ]; then
      while read -r file; do crash_files+=("fuzz/artifacts/$t/$file"); done <<<"$new"
      crashes=$((crashes + $(wc -l <<<"$new")))
    fi
    if [ "$rc" -eq 0 ]; then break; fi
    if [ -z "$new" ]; then
      say "$t: libFuzzer failed (exit $rc) without an artifact; see $log"
      tail -20 "$log"
      break
    fi
    grep -E "panicked at|^ERROR: libFuzzer|SUMMARY:" <<<"$segment" | head -3 | sed 's/^/fuzz:   /' || true
    restarts=$((restarts + 1))
    if [ "$restarts" -gt "$max_restarts" ]; then
      say "$t: $max_restarts restarts; stopping"
      break
    fi
  done
  results+=("$(printf '%-9s %6ds %12d %9d %6s %7s %8d' "$t" "$fuzzed" "$execs" \
    $((execs / (fuzzed > 0 ? fuzzed : 1))) "$cov" "$ft" "$crashes")")
  for file in "${crash_files[@]}"; do results+=("          crash: $file"); done
  [ "$keep" -eq 0 ] || keep_finds "$t"
done

printf '\n%-9s %7s %12s %9s %6s %7s %8s\n' target time executions exec/s cov ft crashes
printf '%s\n' "${results[@]}"
