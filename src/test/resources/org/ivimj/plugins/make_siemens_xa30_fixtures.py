#!/usr/bin/python3
"""Reference numbers for ScannerAgreementTest, from dcm2niix's conversion of the Siemens XA30 set.

Run from the project folder:  /usr/bin/python3 src/test/resources/org/ivimj/plugins/make_siemens_xa30_fixtures.py
Writes siemens_xa30_fixtures.txt beside this script: nibabel's qform and sform (codes and the 3 x 4
voxel-to-RAS rows) of dcm2niix's scanner ADC map 11_DWI_dir80_PA.nii, its shape and orientation, and the
b-values of 10_DWI_dir80_PA.bval.
"""
import os
import nibabel as nib
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
ref = os.path.normpath(os.path.join(here, "../../../../../../../shared/data/dicom/siemens_xa30_enhanced_dwi/reference"))
adc = nib.load(os.path.join(ref, "11_DWI_dir80_PA.nii"))
q, qcode = adc.header.get_qform(coded=True)
s, scode = adc.header.get_sform(coded=True)
bval = np.loadtxt(os.path.join(ref, "10_DWI_dir80_PA.bval"))
lines = ["# made by make_siemens_xa30_fixtures.py (nibabel %s) from dcm2niix's reference output" % nib.__version__,
         "qform_code %d" % qcode, "sform_code %d" % scode]
for name, m in (("qform", q), ("sform", s)):
    for r in range(3):
        lines.append("%s_row%d %s" % (name, r, " ".join("%.6f" % v for v in m[r])))
lines.append("bval " + " ".join("%g" % b for b in bval))
lines.append("shape " + " ".join(str(d) for d in adc.shape))
lines.append("orientation " + "".join(nib.aff2axcodes(adc.affine)))
with open(os.path.join(here, "siemens_xa30_fixtures.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
