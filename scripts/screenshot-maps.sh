#!/usr/bin/env bash
# Screenshots of Fiji-style use at 1366 x 768 under Xvfb: plain ImageJ with IVIM-J installed as a
# plugin jar (and its dependencies in plugins/jars). docs/images/fit_dstar_map.png: the phantom fitted,
# the D* map shown (no value is black); docs/images/fit_dialog.png: the Fit IVIM Maps dialog as the menu
# opens it (it must fit the screen). Needs xvfb-run and ImageMagick's import; run after mvn package.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
mkdir -p "$work/plugins/jars"
cp "$(ls target/IVIM_J-*[0-9T].jar | head -n 1)" "$work/plugins/IVIM_J.jar"
for j in target/lib/*.jar; do case "$j" in *ij-1*) ;; *) cp "$j" "$work/plugins/jars/";; esac; done
cat > "$work/shot.ijm" <<'MACRO'
run("IVIM Phantom...", "slices=1 snr=30 seed=1 add_rois");
run("Fit IVIM Maps...", "free region=threshold background=auto");
selectImage("IVIM_phantom_bifree_Dstar (mm2 s-1)");
run("Set... ", "zoom=300");
MACRO
cat > "$work/run.sh" <<SCRIPT
#!/bin/bash
java -Dplugins.dir="$work" -cp "$(ls "$PWD"/target/lib/ij-1*.jar | head -n 1)" ij.ImageJ -macro "$work/shot.ijm" > "$work/ij.log" 2>&1 &
pid=\$!
sleep 12
import -window root "$PWD/docs/images/fit_dstar_map.png"
kill \$pid
SCRIPT
chmod +x "$work/run.sh"
xvfb-run -a -s "-screen 0 1366x768x24" "$work/run.sh"
# The dialog: the macro opens the phantom, then Fit IVIM Maps with no options shows its dialog.
cat > "$work/dialog.ijm" <<'MACRO'
run("IVIM Phantom...", "slices=1 snr=30 seed=1 add_rois");
setOption("ScaleConversions", true);
doCommand("Fit IVIM Maps...");
MACRO
sed -i "s|shot.ijm|dialog.ijm|; s|fit_dstar_map.png|fit_dialog.png|" "$work/run.sh"
xvfb-run -a -s "-screen 0 1366x768x24" "$work/run.sh"
rm -rf "$work"
echo "docs/images/fit_dstar_map.png docs/images/fit_dialog.png"
