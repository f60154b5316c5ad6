#!/usr/bin/env bash
# Builds IVIM-J and runs the bundled example: no data to download.
#  1. the fitting engine on a simulated two-tissue phantom (paper's b-values, SNR 50);
#  2. the real ImageJ, in -batch mode, on the bundled phantom: generates it, fits it (mono, segmented
#     and free bi-exponential, stretched) and writes the maps (TIFF) and the per-ROI results (CSV).
#     ImageJ 1 needs a display for its menus: without one, the macro runs under xvfb-run.
# Usage: scripts/run-example.sh [output folder]   (default: ./ivim-example-output)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-ivim-example-output}"
mvn -B -q -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib
jar=$(ls target/IVIM_J-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
cp="$jar:target/lib/*"
echo "== The fitting engine on a simulated two-tissue phantom (paper's b-values, SNR 50) =="
java -cp "$cp" org.ivimj.example.EngineExample
mkdir -p "$out"
out="$(cd "$out" && pwd)"
echo "== ImageJ (-batch): IVIM Phantom, Fit IVIM Maps, maps and CSV to $out =="
display=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then display=(xvfb-run -a)
  else echo "No display and no xvfb-run: install xvfb (apt-get install xvfb) or run on a desktop." >&2; exit 1; fi
fi
"${display[@]}" java -cp "$cp" org.ivimj.ij.BatchImageJ -batch macros/phantom_example.ijm "$out"
echo "Maps (*.tif) and phantom_roi_results.csv are in $out"
