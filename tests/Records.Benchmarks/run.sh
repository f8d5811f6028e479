#!/usr/bin/env bash
# Builds in Release, generates the volume database if it is missing, runs every benchmark and prints the summary
# (also written to artifacts/benchmarks/summary.md). `run.sh import` (or pages, growth, startup, inprocess, reports) runs one benchmark only.
# Extra arguments go to the harness, whose options
# `dotnet tests/Records.Benchmarks/bin/Release/net10.0/Records.Benchmarks.dll --help` lists.
#
# Environment overrides:
#   BENCH_SCALE     volume scale to generate (default 1)
#   BENCH_DB        database to measure (default artifacts/volume/scale-$BENCH_SCALE.db; generated there if missing)
#   BENCH_DURATION  seconds of measured load in each sample of an address (default 10)
#   BENCH_WARMUP    seconds of load on each address before its samples (default 3)
#   BENCH_SAMPLES   samples of each page and of its baseline, taken in turn (default 3)
#   BENCH_SCALES    volume scales the growth stage compares (default 0.1,1; generated if missing), e.g. 0.1,1,4
#   BENCH_WORKERS   concurrent load workers (default 16)
#   BENCH_RUNS      start-up runs per database (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scale="${BENCH_SCALE:-1}"
db="${BENCH_DB:-artifacts/volume/scale-${scale}.db}"

dotnet build -c Release -v quiet -nologo tests/Records.Volume/Records.Volume.csproj
dotnet build -c Release -v quiet -nologo tests/Records.Benchmarks/Records.Benchmarks.csproj

if [[ ! -f "$db" ]]; then
    echo "Generating $db (scale $scale)..."
    mkdir -p "$(dirname "$db")"
    dotnet tests/Records.Volume/bin/Release/net10.0/Records.Volume.dll --scale "$scale" --database "$db"
    if [[ ! -f "$db" ]]; then
        echo "The volume generator did not create $db. Point BENCH_DB at an existing Records database." >&2
        exit 1
    fi
fi

# A first argument that is not an option picks one benchmark: run.sh import, run.sh pages, ...
mode=all
if [[ $# -gt 0 && "$1" != --* ]]; then mode="$1"; shift; fi

scales="${BENCH_SCALES:-0.1,1}"
if [[ "$mode" == all || "$mode" == growth ]]; then
    for s in ${scales//,/ }; do
        if [[ ! -f "artifacts/volume/scale-${s}.db" ]]; then
            echo "Generating artifacts/volume/scale-${s}.db (scale $s) for the growth stage..."
            dotnet tests/Records.Volume/bin/Release/net10.0/Records.Volume.dll --scale "$s" --database "artifacts/volume/scale-${s}.db"
        fi
    done
fi
if [[ "$mode" == all || "$mode" == startup ]]; then
    # Start-up is measured on the app as deployed: published for the runtime, so compiled ahead of time (ReadyToRun).
    dotnet publish src/Records.Web -c Release -r linux-x64 --self-contained false -v quiet -nologo -o artifacts/publish/web
    # The floor the framework sets: the empty Razor Pages template, published the same way. It is made outside the
    # repository so that none of Records' build settings (Directory.Build.props) reach it.
    if [[ ! -f artifacts/publish/template/Template.dll ]]; then
        template="$(mktemp -d)"
        dotnet new webapp -n Template -o "$template" >/dev/null
        dotnet publish "$template" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v quiet -nologo -o artifacts/publish/template
        rm -rf "$template"
    fi
fi
args=("$mode" --database "$db" --scales "$scales")
[[ -n "${BENCH_DURATION:-}" ]] && args+=(--duration "$BENCH_DURATION")
[[ -n "${BENCH_WARMUP:-}" ]] && args+=(--warmup "$BENCH_WARMUP")
[[ -n "${BENCH_WORKERS:-}" ]] && args+=(--workers "$BENCH_WORKERS")
[[ -n "${BENCH_RUNS:-}" ]] && args+=(--runs "$BENCH_RUNS")
[[ -n "${BENCH_SAMPLES:-}" ]] && args+=(--samples "$BENCH_SAMPLES")

exec dotnet tests/Records.Benchmarks/bin/Release/net10.0/Records.Benchmarks.dll "${args[@]}" "$@"
