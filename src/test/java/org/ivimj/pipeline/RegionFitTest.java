package org.ivimj.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.ivimj.analysis.HistogramFeatures;
import org.ivimj.analysis.SampleSummary;
import org.ivimj.fit.BatchResult;
import org.ivimj.fit.FitMethod;
import org.ivimj.fit.FitOptions;
import org.ivimj.fit.FitResult;
import org.ivimj.fit.Ivim;
import org.ivimj.fit.ModelSelection;
import org.ivimj.fit.Neighbours;
import org.ivimj.fit.SpatialBiexponentialFit;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on plain ImgLib2 images: it fits exactly what the engine fits on the same signals, its
 * maps are views over the stored results, and ROI statistics, mean-signal fits, model selection and
 * histogram features agree with computing them directly.
 */
class RegionFitTest {

	static final double[] B = {0, 10, 20, 50, 80, 100, 200, 400, 800, 1000};
	static final int W = 9, H = 7, Z = 3;

	/** A 16-bit series: f rising with x, D with y, noise; labels: 0 on the border column, 1 left, 2 right. */
	static ArrayImg<UnsignedShortType, ?> series(long seed) {
		ArrayImg<UnsignedShortType, ?> img = ArrayImgs.unsignedShorts(W, H, Z, B.length);
		java.util.Random rnd = new java.util.Random(seed);
		RandomAccess<UnsignedShortType> ra = img.randomAccess();
		for (int z = 0; z < Z; z++)
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					double f = 0.05 + 0.03 * x, d = (0.6 + 0.15 * y) * 1e-3;
					for (int i = 0; i < B.length; i++) {
						double s = 1000 * ((1 - f) * Math.exp(-B[i] * d) + f * Math.exp(-B[i] * 0.03)) + 15 * rnd.nextGaussian();
						ra.setPositionAndGet(x, y, z, i).set((int) Math.round(Math.max(0, s)));
					}
				}
		return img;
	}

	static ArrayImg<UnsignedByteType, ?> labels() {
		ArrayImg<UnsignedByteType, ?> l = ArrayImgs.unsignedBytes(W, H, Z);
		RandomAccess<UnsignedByteType> ra = l.randomAccess();
		for (int z = 0; z < Z; z++)
			for (int y = 0; y < H; y++)
				for (int x = 1; x < W; x++) ra.setPositionAndGet(x, y, z).set(x < 5 ? 1 : 2);
		return l;
	}

	@Test
	void fitsWhatTheEngineFitsAndMapsAreViewsOverTheResults() {
		ArrayImg<UnsignedShortType, ?> s = series(1);
		RegionFitResult r = RegionFit.of(s, B).labels(labels()).methods(FitMethod.MONO_LOG_LINEAR, FitMethod.BI_FREE).threads(2).run();
		assertEquals((W - 1) * H * Z, r.voxelCount());
		// Voxels in flat order: voxel 0 is (1, 0, 0), voxel W - 1 is (1, 1, 0).
		RandomAccess<UnsignedShortType> ra = s.randomAccess();
		for (int i = 0; i < B.length; i++) {
			assertEquals(ra.setPositionAndGet(1, 0, 0, i).get(), r.signals()[i], 0);
			assertEquals(ra.setPositionAndGet(1, 1, 0, i).get(), r.signals()[(W - 1) * B.length + i], 0);
		}
		BatchResult engine = Ivim.fitVoxels(FitMethod.BI_FREE, B, new FitOptions(), r.signals());
		assertArrayEquals(engine.parameters[3], r.result(FitMethod.BI_FREE).parameters[3]);
		assertArrayEquals(engine.rss, r.result(FitMethod.BI_FREE).rss);

		RandomAccessibleInterval<FloatType> d = r.map(FitMethod.BI_FREE, 2);
		assertArrayEquals(new long[] {W, H, Z}, d.dimensionsAsLongArray());
		assertTrue(Float.isNaN(d.getAt(0, 3, 1).get()), "outside the region is NaN");
		int v = r.voxelIndex().getAt(4, 2, 1).get();
		assertEquals(r.result(FitMethod.BI_FREE).parameters[2][v], d.getAt(4, 2, 1).get(), 0);
		r.result(FitMethod.BI_FREE).parameters[2][v] = 42; // a view: it reads the stored array
		assertEquals(42, d.getAt(4, 2, 1).get(), 0);
		assertEquals(r.result(FitMethod.BI_FREE).status[v], r.statusMap(FitMethod.BI_FREE).getAt(4, 2, 1).get(), 0);
		assertEquals(r.result(FitMethod.BI_FREE).rSquared[v], r.rSquaredMap(FitMethod.BI_FREE).getAt(4, 2, 1).get(), 0);
	}

	@Test
	void roiSummariesMatchComputingThemDirectly() {
		RegionFitResult r = RegionFit.of(series(2), B).labels(labels()).methods(FitMethod.BI_SEGMENTED, FitMethod.BI_SHRINKAGE)
			.options(new FitOptions().priorComponents(1)).run();
		int[] roi2 = r.voxelsWithLabel(2);
		assertEquals(4 * H * Z, roi2.length);
		RegionSummary s = r.summarize(2);
		float[] f = r.result(FitMethod.BI_SEGMENTED).parameters[1];
		double[] values = new double[roi2.length];
		for (int i = 0; i < roi2.length; i++) values[i] = f[roi2[i]];
		SampleSummary direct = SampleSummary.of(values, values.length);
		RegionSummary.MethodSummary seg = s.of(FitMethod.BI_SEGMENTED);
		assertEquals(direct.mean, seg.parameters[1].mean, 0);
		assertEquals(direct.sd, seg.parameters[1].sd, 0);
		assertEquals(direct.median, seg.parameters[1].median, 0);
		assertEquals(direct.count, seg.valid);
		assertEquals(null, seg.meanPosteriorSd);
		// The ROI's mean signal, from the stored signals, and its fit.
		double[] mean = new double[B.length];
		for (int v : roi2)
			for (int i = 0; i < B.length; i++) mean[i] += r.signals()[v * B.length + i] / (double) roi2.length;
		assertArrayEquals(mean, s.meanSignal, 1e-9);
		FitResult fit = Ivim.fit(FitMethod.BI_SEGMENTED, B, s.meanSignal, new FitOptions().priorComponents(1));
		assertArrayEquals(fit.parameters, seg.meanSignalFit.parameters, 0);
		// The shrinkage fit: posterior SDs summarised, its ROI fit is the free fit of the mean signal.
		RegionSummary.MethodSummary bayes = s.of(FitMethod.BI_SHRINKAGE);
		assertEquals(4, bayes.meanPosteriorSd.length);
		assertTrue(bayes.meanPosteriorSd[1] > 0);
		assertArrayEquals(Ivim.fit(FitMethod.BI_FREE, B, s.meanSignal, new FitOptions().priorComponents(1)).parameters,
			bayes.meanSignalFit.parameters, 0);
		// Histogram features of the same voxels.
		HistogramFeatures h = r.histogram(FitMethod.BI_SEGMENTED, 1, roi2);
		assertEquals(HistogramFeatures.of(values, values.length).percentile(90), h.percentile(90), 0);
		assertThrows(IllegalArgumentException.class, () -> s.of(FitMethod.BI_FREE));
	}

	@Test
	void masksMayOverlapAndSelectASlice() {
		RegionFitResult r = RegionFit.of(series(3), B).labels(labels()).methods(FitMethod.MONO_LOG_LINEAR).run();
		ArrayImg<UnsignedByteType, ?> square = ArrayImgs.unsignedBytes(W, H);
		RandomAccess<UnsignedByteType> ra = square.randomAccess();
		for (int x = 0; x < 3; x++)
			for (int y = 0; y < 2; y++) ra.setPositionAndGet(x, y).set(1);
		// The square at slice 2: its column x = 0 is outside the region, so 2 × 2 voxels.
		int[] v = r.voxelsIn(Views.translate(Views.addDimension(square, 0, 0), 0, 0, 2));
		assertEquals(4, v.length);
		assertEquals(r.voxelIndex().getAt(1, 0, 2).get(), v[0]);
		assertEquals(r.voxelIndex().getAt(2, 1, 2).get(), v[3]);
	}

	@Test
	void modelSelectionReusesTheStoredFits() {
		RegionFitResult r = RegionFit.of(series(4), B).labels(labels())
			.methods(FitMethod.MONO_NONLINEAR, FitMethod.BI_FREE, FitMethod.STRETCHED).run();
		for (ModelSelection.Criterion c : ModelSelection.Criterion.values()) {
			byte[] stored = r.selectModels(c, 2, null);
			byte[] fresh = ModelSelection.selectVoxels(B, null, c, r.signals(), 2, null, null);
			int same = 0, none = 0;
			for (int i = 0; i < stored.length; i++) {
				if (stored[i] == fresh[i]) same++;
				if (stored[i] == ModelSelection.NONE) none++;
			}
			assertEquals(0, none, c + ": every voxel gets a model");
			// Stored residuals are floats: only a near-tie may flip.
			assertTrue(same >= 0.99 * stored.length, c + ": " + same + " of " + stored.length + " labels agree");
		}
		// A mono fit on a subset of b-values is not the mono model on the same data: it is fitted again.
		FitOptions subset = new FitOptions().monoBRange(200, 1000);
		RegionFitResult part = RegionFit.of(series(4), B).labels(labels()).options(subset)
			.methods(FitMethod.MONO_NONLINEAR, FitMethod.BI_FREE, FitMethod.STRETCHED).run();
		byte[] refit = part.selectModels(ModelSelection.Criterion.BIC, 2, null);
		byte[] all = r.selectModels(ModelSelection.Criterion.BIC, 2, null);
		int agree = 0;
		for (int i = 0; i < all.length; i++)
			if (all[i] == refit[i]) agree++;
		assertTrue(agree >= 0.99 * all.length, agree + " of " + all.length);
		// Without the stored fits it fits the three models itself.
		RegionFitResult mono = RegionFit.of(series(4), B).labels(labels()).methods(FitMethod.MONO_LOG_LINEAR).run();
		assertArrayEquals(ModelSelection.selectVoxels(B, null, ModelSelection.Criterion.BIC, mono.signals(), 2, null, null),
			mono.selectModels(ModelSelection.Criterion.BIC, 2, null));
	}

	@Test
	void spatialFitSeesTheGridNeighbours() {
		ArrayImg<UnsignedShortType, ?> s = series(5);
		RegionFitResult r = RegionFit.of(s, B).labels(labels()).methods(FitMethod.BI_SPATIAL).threads(1).run();
		int[] voxelAt = new int[W * H * Z];
		Arrays.fill(voxelAt, -1);
		int n = 0;
		for (int i = 0; i < voxelAt.length; i++)
			if (i % W != 0) voxelAt[i] = n++;
		BatchResult direct = new SpatialBiexponentialFit(B, new FitOptions()).fit(r.signals(), Neighbours.ofGrid(voxelAt, W, H, Z), 1,
			null, null);
		assertArrayEquals(direct.parameters[1], r.result(FitMethod.BI_SPATIAL).parameters[1]);
	}

	@Test
	void wholeImageWithoutLabelsAndFiveDimensions() {
		ArrayImg<UnsignedShortType, ?> s = series(6);
		// Two volumes (t) of the same series: (x, y, z, b, t).
		RandomAccessibleInterval<UnsignedShortType> two = Views.stack(s, s);
		RegionFitResult r = RegionFit.of(two, B).methods(FitMethod.MONO_LOG_LINEAR).run();
		assertEquals(2 * W * H * Z, r.voxelCount());
		float[] adc = r.result(FitMethod.MONO_LOG_LINEAR).parameters[1];
		assertEquals(adc[5], adc[W * H * Z + 5], 0);
		assertArrayEquals(new long[] {W, H, Z, 2}, r.map(FitMethod.MONO_LOG_LINEAR, 1).dimensionsAsLongArray());
	}

	@Test
	void aSeriesAnywhereInSpaceKeepsItsCoordinates() {
		ArrayImg<UnsignedShortType, ?> s = series(8);
		RegionFitResult at0 = RegionFit.of(s, B).labels(labels()).methods(FitMethod.MONO_LOG_LINEAR).run();
		RegionFitResult moved = RegionFit.of(Views.translate(s, 100, 200, 5, 0), B)
			.labels(Views.translate(labels(), 100, 200, 5)).methods(FitMethod.MONO_LOG_LINEAR).run();
		RandomAccessibleInterval<FloatType> adc = moved.map(FitMethod.MONO_LOG_LINEAR, 1);
		assertEquals(100, adc.min(0));
		assertEquals(at0.map(FitMethod.MONO_LOG_LINEAR, 1).getAt(3, 2, 1).get(), adc.getAt(103, 202, 6).get(), 0);
		ArrayImg<UnsignedByteType, ?> pixel = ArrayImgs.unsignedBytes(1, 1, 1);
		pixel.getAt(0, 0, 0).set(1);
		assertArrayEquals(at0.voxelsIn(Views.translate(pixel, 3, 2, 1)), moved.voxelsIn(Views.translate(pixel, 103, 202, 6)));
	}

	@Test
	void refusesWhatItCannotFit() {
		ArrayImg<UnsignedShortType, ?> s = series(7);
		assertThrows(IllegalArgumentException.class, () -> RegionFit.of(s, Arrays.copyOf(B, 5)));
		assertThrows(IllegalArgumentException.class, () -> RegionFit.of(s, B).labels(ArrayImgs.unsignedBytes(W, H)));
		assertThrows(IllegalArgumentException.class, () -> RegionFit.of(s, B).run());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> RegionFit.of(s, B).methods(FitMethod.MONO_KURTOSIS).run());
		assertTrue(e.getMessage().startsWith(FitMethod.MONO_KURTOSIS.label()), e.getMessage());
	}
}
