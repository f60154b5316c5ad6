package org.ivimj.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.util.Fraction;
import net.imglib2.view.Views;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.ivimj.pipeline.RegionFit;

/**
 * A diffusion series seen as voxels with one signal per b-value. The b dimension (channels, slices or
 * frames) comes from {@link BValueMetadata}; the other two dimensions form <em>positions</em> (e.g. the
 * slices of a series whose frames are b-values), each fitted independently. Planes are ImgLib2
 * {@link ArrayImg}s wrapping ImageJ's pixel arrays (8, 16 or 32-bit) without copying; the source image
 * is only read.
 * <p>
 * Positions are numbered 0.. in ImageJ's stack order of the remaining dimensions (channel fastest,
 * then slice, then frame), which is also the plane order of the parameter maps.
 */
public final class DiffusionHyperstack {

	private final ImagePlus imp;
	private final double[] bValues;
	private final BDimension bDimension;
	private final int width, height, nc, nz, nt;
	/** Map dimensions: the source's with the b dimension reduced to 1. */
	private final int mapChannels, mapSlices, mapFrames;
	private final double calOffset, calSlope;

	private DiffusionHyperstack(ImagePlus imp, double[] b, BDimension dim) {
		this.imp = imp;
		this.bValues = b;
		this.bDimension = dim;
		width = imp.getWidth();
		height = imp.getHeight();
		nc = imp.getNChannels();
		nz = imp.getNSlices();
		nt = imp.getNFrames();
		mapChannels = dim == BDimension.CHANNELS ? 1 : nc;
		mapSlices = dim == BDimension.SLICES ? 1 : nz;
		mapFrames = dim == BDimension.FRAMES ? 1 : nt;
		Calibration cal = imp.getCalibration();
		if (cal.calibrated() && imp.getBitDepth() != 32) {
			double[] k = cal.getCoefficients();
			if (cal.getFunction() != Calibration.STRAIGHT_LINE || k == null || k.length < 2)
				throw new IvimInputException("\"" + imp.getTitle() + "\" has a non-linear intensity calibration: "
					+ "convert it to 32-bit (Image › Type › 32-bit) before fitting.");
			calOffset = k[0];
			calSlope = k[1];
		}
		else {
			calOffset = 0;
			calSlope = 1;
		}
	}

	/**
	 * Wraps an image whose b-values are known, checking everything a fit needs; throws
	 * {@link IvimInputException} with a message saying what to do otherwise.
	 */
	public static DiffusionHyperstack of(ImagePlus imp) {
		if (imp == null) throw new IvimInputException("No image is open: open a diffusion series "
			+ "(one image per b-value) first, or make the example with Plugins › IVIM › IVIM Phantom.");
		if (imp.getBitDepth() == 24) throw new IvimInputException("\"" + imp.getTitle()
			+ "\" is an RGB image: IVIM needs the scanner's grey values (8, 16 or 32-bit); open the original "
			+ "DICOM/NIfTI series instead.");
		if (imp.getStack().isVirtual()) throw new IvimInputException("\"" + imp.getTitle()
			+ "\" is a virtual stack: load it into memory first (Image › Duplicate..., or open it without "
			+ "'Use virtual stack').");
		BValueSources.requireSeveralImages(imp);
		double[] b = BValueMetadata.bValues(imp);
		BDimension dim = BValueMetadata.dimension(imp);
		if (b == null || dim == null) throw new IvimInputException("No b-values are known for \"" + imp.getTitle()
			+ "\": run Plugins › IVIM › Set b-values... first, e.g. run(\"Set b-values...\", "
			+ "\"source=[typed list] b-values=[0,50,100,200,800]\");");
		int n = BValueSources.size(imp, dim);
		if (n != b.length) throw new IvimInputException("\"" + imp.getTitle() + "\" has " + b.length
			+ " b-values but " + n + " " + dim.word() + " (" + BValueSources.describe(imp)
			+ "): set the b-values again (Plugins › IVIM › Set b-values...).");
		return new DiffusionHyperstack(imp, b, dim);
	}

	public ImagePlus image() { return imp; }
	public double[] bValues() { return bValues.clone(); }
	public int bCount() { return bValues.length; }
	public BDimension bDimension() { return bDimension; }
	public int width() { return width; }
	public int height() { return height; }
	public int mapChannels() { return mapChannels; }
	public int mapSlices() { return mapSlices; }
	public int mapFrames() { return mapFrames; }

	/** Number of positions (planes of each parameter map). */
	public int positionCount() {
		return mapChannels * mapSlices * mapFrames;
	}

	/** Index of the b-value plane of a position, 0-based; the smallest b is the "b = 0" image. */
	public int lowestBIndex() {
		int k = 0;
		for (int i = 1; i < bValues.length; i++)
			if (bValues[i] < bValues[k]) k = i;
		return k;
	}

	/** Position of 1-based (channel, slice, frame) of the map dimensions. */
	public int position(int c, int z, int t) {
		return (c - 1) + mapChannels * ((z - 1) + mapSlices * (t - 1));
	}

	/** 1-based {channel, slice, frame} of a position, in map dimensions. */
	public int[] mapCoordinates(int position) {
		int c = position % mapChannels;
		int z = (position / mapChannels) % mapSlices;
		int t = position / (mapChannels * mapSlices);
		return new int[] {c + 1, z + 1, t + 1};
	}

	/** 1-based stack index in the source of b-value {@code bi} at {@code position}. */
	public int stackIndex(int bi, int position) {
		int[] p = mapCoordinates(position);
		int c = bDimension == BDimension.CHANNELS ? bi + 1 : p[0];
		int z = bDimension == BDimension.SLICES ? bi + 1 : p[1];
		int t = bDimension == BDimension.FRAMES ? bi + 1 : p[2];
		return (c - 1) + nc * ((z - 1) + nz * (t - 1)) + 1;
	}

	/** The plane of b-value {@code bi} at {@code position}, wrapping the source's pixel array. */
	public ArrayImg<? extends RealType<?>, ?> plane(int bi, int position) {
		ImageStack stack = imp.getStack();
		Object pixels = stack.getPixels(stackIndex(bi, position));
		if (pixels instanceof float[]) return ArrayImgs.floats((float[]) pixels, width, height);
		if (pixels instanceof short[]) return ArrayImgs.unsignedShorts((short[]) pixels, width, height);
		if (pixels instanceof byte[]) return ArrayImgs.unsignedBytes((byte[]) pixels, width, height);
		throw new IvimInputException("Unsupported pixel type in \"" + imp.getTitle() + "\": use 8, 16 or 32-bit.");
	}

	/**
	 * Copies the signals of the voxels inside {@code masks} (one mask per position; null = none) into
	 * one voxel-major array: voxel v's signal at b-value i is at {@code v * bCount() + i}. Voxels are
	 * numbered as the region-fit pipeline numbers them ({@link RegionFit}: pixel order within a slice, slices
	 * in order within a volume, volumes in map channel-then-frame order), which is position by position
	 * unless the maps have both channels and slices.
	 */
	public float[] gather(ArrayImg<UnsignedByteType, ?>[] masks, int voxelCount) {
		float[] signals = RegionFit.signals(series(), labels(masks));
		if (signals.length != voxelCount * bValues.length) throw new IllegalStateException("mask holds "
			+ signals.length / bValues.length + " voxels, not " + voxelCount);
		return signals;
	}

	/** Number of volumes of the map dimensions (channels × frames), the t dimension of {@link #series()}. */
	public int volumeCount() {
		return mapChannels * mapFrames;
	}

	/** The volume (t of {@link #series()}) and slice index (z), 0-based, of a position. */
	private long[] volumeAndSlice(int position) {
		int[] czt = mapCoordinates(position);
		return new long[] {(long) (czt[2] - 1) * mapChannels + czt[0] - 1, czt[1] - 1};
	}

	/**
	 * The series as an ImgLib2 image of dimensions (x, y, z, b, t) over ImageJ's pixel arrays (8, 16 or
	 * 32-bit), nothing copied: a planar image whose planes are the stack's arrays (as imagej-legacy wraps
	 * an ImagePlus), z the map slices, t the volumes (map channels, then frames). A linear intensity
	 * calibration is applied on access (a converted view).
	 */
	@SuppressWarnings({"unchecked", "rawtypes"})
	public RandomAccessibleInterval<? extends RealType<?>> series() {
		ImageStack stack = imp.getStack();
		List<ArrayDataAccess<?>> planes = new ArrayList<>();
		for (int g = 0; g < volumeCount(); g++)
			for (int bi = 0; bi < bValues.length; bi++)
				for (int z = 1; z <= mapSlices; z++) {
					Object pixels = stack.getPixels(stackIndex(bi, position(g % mapChannels + 1, z, g / mapChannels + 1)));
					if (pixels instanceof float[]) planes.add(new FloatArray((float[]) pixels));
					else if (pixels instanceof short[]) planes.add(new ShortArray((short[]) pixels));
					else if (pixels instanceof byte[]) planes.add(new ByteArray((byte[]) pixels));
					else throw new IvimInputException("Unsupported pixel type in \"" + imp.getTitle() + "\": use 8, 16 or 32-bit.");
				}
		PlanarImg img = new PlanarImg(planes, new long[] {width, height, mapSlices, bValues.length, volumeCount()}, new Fraction());
		Object first = planes.get(0);
		img.setLinkedType(first instanceof FloatArray ? new FloatType(img) : first instanceof ShortArray
			? new UnsignedShortType(img) : new UnsignedByteType(img));
		if (calOffset == 0 && calSlope == 1) return img;
		double offset = calOffset, slope = calSlope;
		return Converters.convert((RandomAccessibleInterval<RealType<?>>) img,
			(i, o) -> o.setReal(offset + slope * i.getRealDouble()), new FloatType());
	}

	/**
	 * Per-position masks (null = none) as one label image of dimensions (x, y, z, t) matching
	 * {@link #series()}, nothing copied (planes are the masks' arrays): the region a {@link RegionFit} fits.
	 */
	public RandomAccessibleInterval<UnsignedByteType> labels(ArrayImg<UnsignedByteType, ?>[] masks) {
		ByteArray none = new ByteArray(width * height);
		List<ByteArray> planes = new ArrayList<>();
		for (int g = 0; g < volumeCount(); g++)
			for (int z = 1; z <= mapSlices; z++) {
				ArrayImg<UnsignedByteType, ?> m = masks[position(g % mapChannels + 1, z, g / mapChannels + 1)];
				planes.add(m == null ? none : (ByteArray) m.update(null));
			}
		PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes, new long[] {width, height, mapSlices, volumeCount()},
			new Fraction());
		img.setLinkedType(new UnsignedByteType(img));
		return img;
	}

	/** A mask of one position as a view placed at that position's slice and volume of {@link #labels}. */
	public RandomAccessibleInterval<UnsignedByteType> mask(ArrayImg<UnsignedByteType, ?> mask, int position) {
		long[] gz = volumeAndSlice(position);
		return Views.translate(Views.addDimension(Views.addDimension(mask, 0, 0), 0, 0), 0, 0, gz[1], gz[0]);
	}

	/** A map of the pipeline (x, y, z, t) as one float plane per position, for an ImageJ stack. */
	public float[][] planes(RandomAccessibleInterval<FloatType> map) {
		float[][] planes = new float[positionCount()][width * height];
		for (int p = 0; p < planes.length; p++) {
			long[] gz = volumeAndSlice(p);
			LoopBuilder.setImages(ArrayImgs.floats(planes[p], width, height),
				Views.hyperSlice(Views.hyperSlice(map, 3, gz[0]), 2, gz[1])).forEachPixel((o, i) -> o.set(i.get()));
		}
		return planes;
	}

	/**
	 * Mean and sample SD per b-value of the voxels inside {@code mask} at {@code position}:
	 * {@code {mean[], sd[]}}; NaN where the mask is empty.
	 */
	public double[][] signalStatistics(ArrayImg<UnsignedByteType, ?> mask, int position) {
		int nb = bValues.length;
		double[] mean = new double[nb], sd = new double[nb];
		for (int bi = 0; bi < nb; bi++) {
			Cursor<? extends RealType<?>> c = plane(bi, position).cursor();
			Cursor<UnsignedByteType> m = mask.cursor();
			double sum = 0, sum2 = 0;
			long n = 0;
			while (m.hasNext()) {
				m.fwd();
				c.fwd();
				if (m.get().get() == 0) continue;
				double v = calOffset + calSlope * c.get().getRealDouble();
				sum += v;
				sum2 += v * v;
				n++;
			}
			mean[bi] = n == 0 ? Double.NaN : sum / n;
			sd[bi] = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sum2 - sum * sum / n) / (n - 1)));
		}
		return new double[][] {mean, sd};
	}
}
