package org.ivimj.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ivimj.ij.BValueMetadata;
import org.ivimj.ij.IvimInputException;
import org.ivimj.testing.ImageJHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The script route: every command run through a real SciJava {@link Context}'s {@link CommandService},
 * by class and by name, with named inputs (as a Groovy script in Fiji or PyImageJ calls them), and its
 * typed outputs checked. No menus, no dialogs, no ROI Manager.
 */
class ScriptRouteTest {

	private static Context context;
	private static CommandService commands;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** Runs by class, with preprocessing as a script does. */
	private static CommandModule run(Class<? extends org.scijava.command.Command> c, Object... inputs) throws Exception {
		return commands.run(c, true, inputs).get();
	}

	/** Runs by name (the class name a Python script gives). */
	private static CommandModule run(String name, Map<String, Object> inputs) throws Exception {
		return commands.run(name, true, inputs).get();
	}

	@Test
	void everyMenuCommandIsASciJavaCommandWhoseInputsAreNeverRememberedBetweenRuns() throws Exception {
		Pattern entry = Pattern.compile("CommandPlugIn\\(\"([\\w.]+)\"\\)");
		int n = 0;
		for (String line : Files.readAllLines(ImageJHarness.projectDir().resolve("plugins.config"))) {
			Matcher m = entry.matcher(line);
			if (!m.find()) continue;
			CommandInfo info = commands.getCommand(m.group(1));
			assertNotNull(info, m.group(1));
			for (ModuleItem<?> item : info.inputs())
				assertFalse(item.isPersisted(), info.getTitle() + " " + item.getName() + ": a script must get the declared default, "
					+ "not a value remembered from an earlier run");
			assertTrue(info.outputs().iterator().hasNext(), info.getTitle() + " has typed outputs");
			n++;
		}
		assertEquals(18, n);
	}

	@Test
	void phantomThenFitByNameGivesMapsAndTheRoiTableWithoutImageJsMenus() throws Exception {
		CommandModule p = run(PhantomCommand.class, "slices", 2, "snr", 0.0, "seed", 1L);
		ImagePlus phantom = (ImagePlus) p.getOutput("phantom");
		Roi[] rois = (Roi[]) p.getOutput("rois");
		assertEquals(128, phantom.getWidth());
		assertEquals(2, rois.length);

		Map<String, Object> in = new HashMap<>();
		in.put("image", phantom);
		in.put("rois", rois);
		in.put("mono", false);
		in.put("segmented", false);
		in.put("stretched", false);
		CommandModule fit = run("org.ivimj.plugins.FitMapsCommand", in);
		ImagePlus maps = (ImagePlus) fit.getOutput("maps_hyperstack");
		assertEquals("phantom_IVIM_maps", maps.getTitle().replaceAll("^.*?_IVIM_maps$", "phantom_IVIM_maps"));
		assertEquals(4, maps.getNChannels(), "S0, f, D, D* of the free fit");
		assertNull(fit.getOutput("map_images"), "one hyperstack by default");
		ResultsTable t = (ResultsTable) fit.getOutput("results");
		assertTrue(t.size() >= 2);
		// Noise-free phantom: the metastasis' free fit returns Table 1's values.
		int row = -1;
		for (int i = 0; i < t.size(); i++) if (t.getStringValue("ROI", i).equals("spinal metastasis")) row = i;
		assertTrue(row >= 0);
		assertEquals(0.25, t.getValue("bifree_f_mean", row), 1e-3);
		assertEquals(0.85e-3, t.getValue("bifree_D_mean", row), 1e-6);
	}

	@Test
	void badInputsReachTheScriptAsTheCommandsMessage() throws Exception {
		ImagePlus phantom = (ImagePlus) run(PhantomCommand.class, "slices", 1, "snr", 0.0).getOutput("phantom");
		ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
			() -> run(FitMapsCommand.class, "image", phantom, "f_max", 1.5));
		assertTrue(inputProblem(e).contains("Fit IVIM Maps: f_max=1.5 is out of range: give a value from 0 to 1"), inputProblem(e));
		e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
			() -> run(FitMapsCommand.class, "image", phantom, "region", "everywhere"));
		assertTrue(inputProblem(e).contains("not a valid choice for region="), inputProblem(e));
	}

	/** The message of the IvimInputException a script's future.get() reports (SciJava may wrap it). */
	private static String inputProblem(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof IvimInputException) return t.getMessage();
		throw new AssertionError("no IvimInputException in " + e, e);
	}

	@Test
	void shortFormsOfChoicesAreTheDeclaredItems() throws Exception {
		CommandModule m = run(ProtocolSimulatorCommand.class, "method", "bi-exponential (free)", "realisations", 50, "snr", 30.0);
		assertEquals("bi-exponential (free)", ((ResultsTable) m.getOutput("simulation")).getStringValue("Method", 0));
		assertEquals(4, ((ResultsTable) m.getOutput("simulation")).size());
	}

	@Test
	void importSaveAndBValuesRoundTrip(@TempDir Path dir) throws Exception {
		ImagePlus phantom = (ImagePlus) run(PhantomCommand.class, "slices", 2, "snr", 30.0).getOutput("phantom");
		Path nii = dir.resolve("dwi.nii.gz");
		assertEquals(nii.toString(), run(SaveNiftiCommand.class, "image", phantom, "save", nii.toString()).getOutput("written"));
		ImagePlus back = (ImagePlus) run("org.ivimj.plugins.ImportNiftiCommand", Map.of("open", nii.toString())).getOutput("series");
		assertArrayEquals(BValueMetadata.bValues(phantom), BValueMetadata.bValues(back), 0);
		double[] set = (double[]) run(SetBValuesCommand.class, "image", back, "b_values", "0,20,50,100,150,200,400,800,1200,1500")
			.getOutput("stored");
		assertEquals(10, set.length);
		ImagePlus[] plots = (ImagePlus[]) run(DecayPlotCommand.class, "image", phantom, "roi",
			((Roi[]) run(PhantomCommand.class, "slices", 2).getOutput("rois"))[0], "scale", "log").getOutput("plots");
		assertEquals(1, plots.length);
		assertTrue(plots[0].getTitle().endsWith("_log"), plots[0].getTitle());
	}

	@Test
	void dicomFolderAndOpenStack() throws Exception {
		Path folder = Paths.get(ImageJHarness.projectDir().toString(), "..", "shared", "data", "dicom", "ge_signa_dwi", "dicom").normalize();
		ImagePlus series = (ImagePlus) run(ImportDicomDiffusionCommand.class, "folder", folder.toString()).getOutput("series");
		assertTrue(BValueMetadata.bValues(series).length >= 2);
		ImagePlus stack = ImportDicomDiffusionCommandTest.openAsStack(folder);
		ImagePlus arranged = (ImagePlus) run("org.ivimj.plugins.DicomStackCommand", Map.of("image", stack)).getOutput("series");
		assertArrayEquals(BValueMetadata.bValues(series), BValueMetadata.bValues(arranged), 0);
	}

	@Test
	void statisticsOnSavedTablesByClassAndByName(@TempDir Path dir) throws Exception {
		CommandModule example = run(ExampleStudyCommand.class, "save", dir.toString());
		assertEquals(70, ((ResultsTable) example.getOutput("reader1")).size());
		String r1 = dir.resolve("IVIM_Example_Reader_1.csv").toString(), r2 = dir.resolve("IVIM_Example_Reader_2.csv").toString();
		ResultsTable combined = (ResultsTable) run("org.ivimj.plugins.ReaderCombinationCommand", Map.of("reader1", r1, "reader2", r2,
			"save", dir.toString())).getOutput("combined");
		assertEquals(70, combined.size());
		String table = dir.resolve("IVIM_Readers_Combined.csv").toString();
		Map<String, Object> study = Map.of("table", table, "parameters", "ADC,D,Dstar,f");
		assertEquals(8, ((ResultsTable) run("org.ivimj.plugins.DescriptiveStatisticsCommand", study).getOutput("descriptives")).size());
		assertEquals(4, ((ResultsTable) run(GroupComparisonCommand.class, "table", table, "parameters", "ADC,D,Dstar,f")
			.getOutput("comparison")).size());
		assertEquals(3, ((ResultsTable) run("org.ivimj.plugins.LogisticRegressionCommand", Map.of("table", table, "parameters", "D,f",
			"method", "Firth")).getOutput("regression")).size());
		CommandModule roc = run(RocAnalysisCommand.class, "table", table, "parameters", "D,f", "plot", true);
		assertEquals(2, ((ResultsTable) roc.getOutput("roc")).size());
		assertNotNull(roc.getOutput("curves_plot"));
		ResultsTable icc = (ResultsTable) run("org.ivimj.plugins.ReaderAgreementCommand", Map.of("reader1", r1, "reader2", r2,
			"parameters", "ADC")).getOutput("agreement");
		assertEquals(List.of("ICC2", "ICC2k", "ICC3", "ICC3k"), List.of(icc.getStringValue("Form", 0), icc.getStringValue("Form", 1),
			icc.getStringValue("Form", 2), icc.getStringValue("Form", 3)));
		assertTrue(((String) run(AboutCommand.class).getOutput("about")).contains("Le Bihan"));
		assertEquals(DocumentationCommand.URL, run("org.ivimj.plugins.DocumentationCommand", Map.of()).getOutput("url"));
		assertTrue(IJ.getLog() == null || !IJ.getLog().contains("Exception"));
	}
}
