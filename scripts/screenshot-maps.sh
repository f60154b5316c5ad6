#!/usr/bin/env bash
# Screenshots of Fiji-style use at 1366 x 768 under Xvfb, for docs/images:
#  - dialog_*.png: every command's dialog as its menu entry opens it (DialogSizeTest, which also checks
#    each fits the screen, reads in words and has a Help button), and Fit IVIM Maps' advanced options;
#  - fit_dstar_map.png: plain ImageJ with IVIM-J installed as a plugin jar (its dependencies in
#    plugins/jars), the phantom fitted, the maps hyperstack on its D* channel with a calibration bar
#    (outside the region and failed voxels black).
# Needs xvfb-run and ImageMagick's import; run after mvn package.
set -euo pipefail
cd "$(dirname "$0")/.."
screen=(-s "-screen 0 1366x768x24")
xvfb-run -a "${screen[@]}" mvn -B -q -o test -Dtest=DialogSizeTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Divimj.screenshots="$PWD/docs/images"
work="$(mktemp -d)"
mkdir -p "$work/plugins/jars"
cp "$(ls target/IVIM_J-*[0-9T].jar | head -n 1)" "$work/plugins/IVIM_J.jar"
for j in target/lib/*.jar; do case "$j" in *ij-1*) ;; *) cp "$j" "$work/plugins/jars/";; esac; done
cat > "$work/shot.ijm" <<'MACRO'
run("IVIM Phantom...", "slices=1 snr=30 seed=1 add_rois");
run("Fit IVIM Maps...", "free region=threshold background=auto calibration_bar");
Stack.setChannel(4);
run("Set... ", "zoom=300");
MACRO
cat > "$work/run.sh" <<SCRIPT
#!/bin/bash
java -Dplugins.dir="$work" -cp "$(ls "$PWD"/target/lib/ij-1*.jar | head -n 1)" ij.ImageJ -macro "$work/shot.ijm" > "$work/ij.log" 2>&1 &
pid=\$!
sleep 14
import -window root "$PWD/docs/images/fit_dstar_map.png"
kill \$pid
SCRIPT
chmod +x "$work/run.sh"
xvfb-run -a "${screen[@]}" "$work/run.sh"
rm -rf "$work"
ls docs/images
