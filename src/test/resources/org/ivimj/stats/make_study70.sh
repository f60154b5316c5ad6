#!/usr/bin/env bash
# Makes study70_reader1.csv and study70_reader2.csv: a study made by the product itself.
# Runs macros/ivim_study_example.ijm (phantom patients whose lesion f, D, D* are drawn from the
# paper's Table 1; two readers' ROIs; Fit IVIM Maps per reader) with 35 patients instead of 12,
# i.e. 70 lesions (35 metastases, 35 tuberculous spondylitis), headless, and keeps the two readers'
# tables exactly as the macro wrote them. make_fixtures.R then analyses them in R.
# Run from the project root after `mvn -B -DskipTests package dependency:copy-dependencies
#   -DincludeScope=runtime -DoutputDirectory=target/lib`:
#   bash src/test/resources/org/ivimj/stats/make_study70.sh
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's/^patients = 12;/patients = 35;/' macros/ivim_study_example.ijm > "$work/study70.ijm"
grep -q '^patients = 35;' "$work/study70.ijm"
jar=$(ls target/IVIM_J-*.jar | grep -v -e sources -e javadoc -e tests | head -n 1)
java -Djava.awt.headless=true -cp "$jar:target/lib/*" org.ivimj.ij.HeadlessImageJ -batch "$work/study70.ijm" "$work/out"
dir=src/test/resources/org/ivimj/stats
cp "$work/out/reader1.csv" "$dir/study70_reader1.csv"
cp "$work/out/reader2.csv" "$dir/study70_reader2.csv"
