package org.ivimj.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups ROI sections into 3-D lesions: sections with the same name, channel and frame on consecutive
 * slices are one lesion; a gap of a slice or more starts another. A lesion drawn on one slice is a
 * lesion of one section. Lesions come in the order of their first section.
 */
public final class Lesions {

	/** One ROI on one slice: its name and 1-based channel, slice, frame. */
	public static final class Section {
		public final String name;
		public final int channel, slice, frame;

		public Section(String name, int channel, int slice, int frame) {
			this.name = name;
			this.channel = channel;
			this.slice = slice;
			this.frame = frame;
		}
	}

	/** A lesion: its name, first and last slice, and the indices of its sections in the input list. */
	public static final class Lesion {
		public final String name;
		public final int firstSlice, lastSlice;
		public final List<Integer> sections;

		Lesion(String name, int firstSlice, int lastSlice, List<Integer> sections) {
			this.name = name;
			this.firstSlice = firstSlice;
			this.lastSlice = lastSlice;
			this.sections = Collections.unmodifiableList(sections);
		}

		public int sliceCount() {
			return lastSlice - firstSlice + 1;
		}
	}

	private Lesions() {}

	/**
	 * The lesions of these sections. Names: the ROI name where that name makes one lesion, else the
	 * name with its slices, e.g. {@code "tumour (slices 2-4)"} (and channel/frame where those differ).
	 */
	public static List<Lesion> group(List<Section> sections) {
		Map<String, List<Integer>> byKey = new LinkedHashMap<>();
		for (int i = 0; i < sections.size(); i++) {
			Section s = sections.get(i);
			byKey.computeIfAbsent(s.name + "\u0000" + s.channel + "\u0000" + s.frame, k -> new ArrayList<>()).add(i);
		}
		List<List<Integer>> runs = new ArrayList<>();
		for (List<Integer> members : byKey.values()) {
			List<Integer> sorted = new ArrayList<>(members);
			sorted.sort((a, b) -> Integer.compare(sections.get(a).slice, sections.get(b).slice));
			List<Integer> run = new ArrayList<>();
			for (int i : sorted) {
				// The same slice twice (the same name drawn twice there) joins the run; a gap ends it.
				if (!run.isEmpty() && sections.get(i).slice > sections.get(run.get(run.size() - 1)).slice + 1) {
					runs.add(run);
					run = new ArrayList<>();
				}
				run.add(i);
			}
			runs.add(run);
		}
		runs.sort((a, b) -> Integer.compare(Collections.min(a), Collections.min(b)));
		List<Lesion> lesions = new ArrayList<>();
		for (List<Integer> run : runs) {
			Section s = sections.get(run.get(0));
			int first = s.slice, last = sections.get(run.get(run.size() - 1)).slice;
			String name = s.name;
			if (countRuns(runs, sections, name) > 1) {
				name += first == last ? " (slice " + first : " (slices " + first + "-" + last;
				if (differ(sections, s.name, x -> x.channel)) name += ", channel " + s.channel;
				if (differ(sections, s.name, x -> x.frame)) name += ", frame " + s.frame;
				name += ")";
			}
			lesions.add(new Lesion(name, first, last, run));
		}
		return lesions;
	}

	private static int countRuns(List<List<Integer>> runs, List<Section> sections, String name) {
		int n = 0;
		for (List<Integer> r : runs)
			if (sections.get(r.get(0)).name.equals(name)) n++;
		return n;
	}

	private static boolean differ(List<Section> sections, String name, java.util.function.ToIntFunction<Section> f) {
		Integer seen = null;
		for (Section s : sections)
			if (s.name.equals(name)) {
				int v = f.applyAsInt(s);
				if (seen != null && seen != v) return true;
				seen = v;
			}
		return false;
	}
}
