#!/usr/bin/env bash
# Builds IVIM-J and runs the real ImageJ headless on the bundled phantom: generates it, fits it
# (mono, segmented and free bi-exponential, stretched) and writes the maps (TIFF) and the per-ROI
# results (CSV) to a folder. Nothing to download besides Maven Central dependencies.
#
#   scripts/run-example.sh [output-folder]      (default: ./ivim-example-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-ivim-example-output}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/dependency
jar="$(ls target/IVIM_J-*.jar | grep -v -e sources -e javadoc | head -n 1)"
java -Djava.awt.headless=true -cp "$jar:target/dependency/*" org.ivimj.ij.HeadlessImageJ \
	-batch macros/phantom_example.ijm "$out"
echo "Maps and phantom_roi_results.csv are in $out"
