"""IVIM-J from Python through PyImageJ (notebook style).

Runs the same SciJava commands as the Fiji menus and macros, by name, with named inputs; reads the typed
outputs. Install: pip install pyimagej; then point imagej.init at a Fiji that has IVIM-J installed (or at
the IVIM-J jar with its dependencies). Keys are the macro keys listed in docs/fiji-commands.md.
"""
import imagej

ij = imagej.init("/path/to/Fiji.app", mode="headless")   # or mode="interactive" to see the maps
command = ij.command()

# 1. The bundled phantom (128 x 128 x 3, the seed paper's b-values and lesions, SNR 50).
phantom = command.run("org.ivimj.plugins.PhantomCommand", True,
                      {"slices": 3, "snr": 50.0, "seed": 1}).get()
dwi = phantom.getOutput("phantom")
lesions = phantom.getOutput("rois")

# 2. Fit IVIM Maps on the lesion ROIs: mono ADC and the free bi-exponential fit.
fit = command.run("org.ivimj.plugins.FitMapsCommand", True,
                  {"image": dwi, "rois": lesions, "mono": True, "segmented": False,
                   "free": True, "stretched": False}).get()
maps = fit.getOutput("maps_hyperstack")      # ImagePlus, a channel per map
table = fit.getOutput("results")             # ij.measure.ResultsTable, a row per ROI and slice

# 3. The per-ROI table as a pandas DataFrame, and one map as a NumPy array.
import pandas as pd
rows = [{h: (table.getStringValue(h, i) if h == "ROI" else table.getValue(h, i))
         for h in ["ROI", "Slice", "bifree_f_mean", "bifree_D_mean", "bifree_Dstar_mean"]}
        for i in range(table.size())]
print(pd.DataFrame(rows))
labels = [maps.getStack().getSliceLabel(maps.getStackIndex(c, 1, 1)) for c in range(1, maps.getNChannels() + 1)]
d_channel = next(c for c, label in enumerate(labels, start=1) if "_bifree_D (" in label)
maps.setPosition(d_channel, 1, 1)
d_map = ij.py.from_java(maps.getProcessor().getFloatArray())   # slice 1 of the free fit's D map
print("D map", d_map.shape)

# 4. Group statistics on a saved study table (a CSV path, as in a macro's table=[...]).
roc = command.run("org.ivimj.plugins.RocAnalysisCommand", True,
                  {"table": "/path/to/IVIM_Readers_Combined.csv", "group": "Group",
                   "positive": "metastasis", "parameters": "D,f"}).get()
print(roc.getOutput("roc").getValue("AUC", 0))
