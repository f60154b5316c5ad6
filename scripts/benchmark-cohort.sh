#!/usr/bin/env bash
# Scale of the study runner and the workflow (BENCHMARKS.md §12):
#  1. N synthetic studies (default 100) through the Snakemake workflow on this machine's cores;
#  2. peak memory of one fit job on a 128 x 128 x 30 slices x 12 b-values series (/usr/bin/time -v),
#     ROI region and whole image, with the workflow's heap limit.
# Usage: scripts/benchmark-cohort.sh [studies] [cores]     (after mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100}"; cores="${2:-2}"
work="$(mktemp -d)"
cp workflow/Snakefile workflow/config.yaml "$work/"
{ printf 'study\tgroup\tpath\tlesion\tseed\n'
  for i in $(seq 1 "$n"); do
    if [ $((i % 2)) -eq 0 ]; then g=tuberculosis; l=spondylitis; else g=metastasis; l=metastasis; fi
    printf 'p%03d\t%s\t\t%s\t%d\n' "$i" "$g" "$l" "$i"
  done; } > "$work/cohort.tsv"
jar="$(ls "$PWD"/target/IVIM_J-*[0-9T].jar | head -n 1)"
cp="$jar:$PWD/target/lib/*"
printf 'classpath: "%s"\nfit_threads: 1\n' "$cp" > "$work/bench.yaml"
start=$(date +%s.%N)
(cd "$work" && snakemake --cores "$cores" --configfile config.yaml bench.yaml -q > "$work/snakemake.out" 2>&1)
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc)
echo "workflow: $n studies (phantom + fit + cohort + statistics) on $cores cores in ${secs} s = $(echo "scale=1; $n * 60 / $secs" | bc) studies/min"
fits=$(grep -h '"total_seconds"' "$work"/results/fit/*/ivimj.json | sed 's/.*: //; s/,//' | sort -n)
echo "fit job, in-JVM time (s): median $(echo "$fits" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'), max $(echo "$fits" | tail -1)"
big="$work/big"
java -Djava.awt.headless=true -cp "$cp" org.ivimj.cli.Main phantom --out "$big" --seed 1 --lesion metastasis --slices 30 \
  --b-values "0,10,20,50,100,150,200,400,600,800,1200,1500" > /dev/null
for region in rois whole; do
  if [ "$region" = whole ]; then rm -f "$big/reader1.zip" "$big/reader2.zip"; fi
  /usr/bin/time -v java -Xmx768m -Djava.awt.headless=true -cp "$cp" org.ivimj.cli.Main fit --study "$big" \
    --out "$work/big-$region" > "$work/time-$region.txt" 2>&1
  rss=$(grep 'Maximum resident set size' "$work/time-$region.txt" | awk '{print $NF}')
  wall=$(grep 'Elapsed (wall clock)' "$work/time-$region.txt" | awk '{print $NF}')
  echo "128x128x30x12, 4 methods, region $region: peak RSS $((rss / 1024)) MB (heap limit 768 MB), wall $wall"
done
rm -rf "$work"
