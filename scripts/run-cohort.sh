#!/usr/bin/env bash
# Runs the bundled synthetic cohort (workflow/cohort.tsv: 8 phantom patients, two groups, two readers)
# through the Snakemake workflow: builds IVIM-J if needed, then one fit job per study, the cohort
# table and its statistics in workflow/results/. Extra arguments go to snakemake (e.g. --cores 4,
# or --profile profiles/slurm on a cluster).
# Usage: scripts/run-cohort.sh [snakemake options]     (needs snakemake: apt-get install snakemake)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v snakemake >/dev/null || { echo "snakemake is needed: apt-get install snakemake (or pip install snakemake)" >&2; exit 1; }
if ! ls target/IVIM_J-*[0-9T].jar >/dev/null 2>&1 || [ ! -d target/lib ]; then
  mvn -B -q -DskipTests package
fi
cd workflow
if [ $# -eq 0 ]; then set -- --cores 2; fi
snakemake "$@"
echo "Cohort table: workflow/results/cohort.csv; statistics: workflow/results/statistics/"
