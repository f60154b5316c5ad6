#!/usr/bin/env bash
# Builds IVIM-J and runs the bundled example: no data to download.
# Usage: scripts/run-example.sh [output folder]   (default: ./ivim-example-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-ivim-example-output}"
mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
jar=$(ls target/IVIM_J-*.jar | grep -v sources | head -n 1)
cp="$jar:target/lib/*"
echo "== The fitting engine on a simulated two-tissue phantom (paper's b-values, SNR 50) =="
java -cp "$cp" org.ivimj.example.EngineExample
mkdir -p "$out"
