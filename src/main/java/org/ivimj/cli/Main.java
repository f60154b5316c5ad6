package org.ivimj.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ivimj.ij.ImageJOutput;

/**
 * The headless study runner: {@code java -cp "IVIM_J.jar:lib/*" org.ivimj.cli.Main <verb> [--key value ...]}.
 * Every verb runs the Fiji commands themselves, headless, with their own macro options (the runner adds
 * no option of its own to a command and no second copy of any logic): what a lab-notebook macro does,
 * for one study folder at a time, so a workflow engine can run thousands of them in parallel. Exit
 * status 0 on success, 1 with the command's {@code IVIM-J error: ...} message otherwise.
 */
public final class Main {

	static final String HELP = String.join("\n",
		"IVIM-J headless study runner",
		"",
		"usage: java -cp \"IVIM_J-<version>.jar:lib/*\" org.ivimj.cli.Main <verb> [--key value ...]",
		"",
		"verbs:",
		"  fit      --study DIR --out DIR [--fit \"<Fit IVIM Maps options>\"] [--format nifti|tiff]",
		"           One study folder: a DICOM series (the folder itself or its dicom/ subfolder), or a NIfTI",
		"           (*.nii / *.nii.gz) with its .bval; ROIs from reader1.zip (or RoiSet.zip) and optionally",
		"           reader2.zip, or a region from mask.nii[.gz]. Writes the maps, roi_table.csv,",
		"           readers_combined.csv (two readers), and ivimj.json (version, options, b-values, timings)",
		"           into --out; the folder appears only when the study is complete.",
		"           --fit takes Fit IVIM Maps' macro keys as written in a macro (docs/fiji-commands.md),",
		"           default \"mono segmented free stretched\"; the region and table keys are set by the runner.",
		"  stats    --table CSV --out DIR [--options \"<statistics macro options>\"]",
		"           Runs Descriptive Statistics, Group Comparison, Logistic Regression and ROC Analysis on a",
		"           cohort table; --options are their shared keys (group=, positive=, parameters=, ...).",
		"  cohort   --out CSV --studies DIR:STUDY:GROUP [DIR:STUDY:GROUP ...]",
		"           Joins studies' readers_combined.csv (or roi_table.csv) into one cohort table with Study",
		"           and Group columns, full precision.",
		"  phantom  --out DIR --seed N --lesion spondylitis|metastasis [--slices N] [--snr X] [--size N]",
		"           A synthetic study folder from IVIM Phantom (patient variation): dwi.nii.gz, dwi.bval,",
		"           reader1.zip and reader2.zip (the lesion drawn by two readers).",
		"  --help   this text.",
		"",
		"exit status: 0 done; 1 bad input or a failed command (the message says what to do).");

	private Main() {}

	public static void main(String[] args) {
		int status = run(args);
		System.exit(status);
	}

	/** Runs one verb; returns the exit status. */
	public static int run(String[] args) {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
			System.out.println(HELP);
			return args.length == 0 ? 1 : 0;
		}
		System.setProperty("java.awt.headless", "true");
		try {
			Map<String, String> o = options(Arrays.copyOfRange(args, 1, args.length));
			int before = ImageJOutput.errorCount();
			switch (args[0]) {
				case "fit":
					StudyRun.fit(o);
					break;
				case "stats":
					CohortStatistics.run(o);
					break;
				case "cohort":
					CohortTable.join(o);
					break;
				case "phantom":
					SyntheticStudy.write(o);
					break;
				default:
					throw new CliException("unknown verb '" + args[0] + "': use fit, stats, cohort or phantom (--help).");
			}
			return ImageJOutput.errorCount() > before ? 1 : 0;
		}
		catch (CliException e) {
			System.err.println("IVIM-J error: " + e.getMessage());
			return 1;
		}
		catch (OutOfMemoryError e) {
			System.err.println("IVIM-J error: " + ImageJOutput.OUT_OF_MEMORY);
			return 1;
		}
	}

	/** {@code --key value} pairs; a key given twice keeps every value, space-separated. */
	static Map<String, String> options(String[] args) {
		Map<String, String> o = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--") || a.length() < 3) throw new CliException("expected --key value, not '" + a + "' (--help).");
			String key = a.substring(2);
			StringBuilder value = new StringBuilder();
			while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				if (value.length() > 0) value.append(' ');
				value.append(args[++i]);
			}
			o.merge(key, value.toString(), (x, y) -> x + " " + y);
		}
		return o;
	}

	/** The value of a required key. */
	static String required(Map<String, String> o, String key) {
		String v = o.get(key);
		if (v == null || v.trim().isEmpty()) throw new CliException("--" + key + " is missing (--help).");
		return v.trim();
	}

	/** Refuses keys the verb does not know, as the commands refuse unknown macro keys. */
	static void known(Map<String, String> o, String verb, String... keys) {
		for (String k : o.keySet())
			if (!Arrays.asList(keys).contains(k))
				throw new CliException(verb + ": unknown option --" + k + "; its options are --" + String.join(", --", keys) + ".");
	}
}
