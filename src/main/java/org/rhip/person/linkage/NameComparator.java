package org.rhip.person.linkage;

/**
 * Name agreement: exact after normalisation (both in characters), same pinyin (homophones such as
 * 明/铭, variants the table does not fold, or one side in latin letters), similar pinyin, different.
 * Any reading of one name may meet any reading of the other.
 */
final class NameComparator {

	static final int EXACT = 0;

	static final int SAME_PINYIN = 1;

	static final int SIMILAR = 2;

	static final int DIFFERENT = 3;

	/** Jaro–Winkler bound for "similar", on the given name (or surname) pinyin. */
	static final double SIMILAR_BOUND = 0.9;

	private NameComparator() {
	}

	static int level(PreparedRecord a, PreparedRecord b) {
		if (a.name == null || b.name == null) {
			return Field.MISSING;
		}
		int level = level(a.name, b.name);
		if (level != DIFFERENT) {
			return level;
		}
		// two names in characters that sound different are different names (siblings: 黄志强 and 黄志刚),
		// unless an input method's fuzzy pinyin explains the difference; spelling typos are for Latin names
		boolean typed = a.name.latin() || b.name.latin();
		for (int i = 0; i < a.fuzzySurnames.length; i++) {
			for (int j = 0; j < b.fuzzySurnames.length; j++) {
				if (typed ? similar(a.name.readings().get(i), b.name.readings().get(j), a.fuzzySurnames[i], b.fuzzySurnames[j],
						a.fuzzyGivens[i], b.fuzzyGivens[j])
						: a.fuzzySurnames[i].equals(b.fuzzySurnames[j]) && a.fuzzyGivens[i].equals(b.fuzzyGivens[j])) {
					return SIMILAR;
				}
			}
		}
		return DIFFERENT;
	}

	/** Exact or same pinyin, else DIFFERENT (without the fuzzy comparison); MISSING for a null name. */
	static int level(NormalizedName a, NormalizedName b) {
		if (a == null || b == null) {
			return Field.MISSING;
		}
		if (!a.latin() && !b.latin() && a.text().equals(b.text())) {
			return EXACT;
		}
		return sharedPinyin(a, b) != null ? SAME_PINYIN : DIFFERENT;
	}

	/** A full pinyin form both names can be read as, or null. */
	static String sharedPinyin(NormalizedName a, NormalizedName b) {
		for (NormalizedName.Reading x : a.readings()) {
			for (NormalizedName.Reading y : b.readings()) {
				if (x.full().equals(y.full())) {
					return x.full();
				}
			}
		}
		return null;
	}

	/**
	 * One part agrees up to fuzzy pinyin and the other is within Jaro–Winkler 0.9. Parts, not the whole
	 * name: on the whole, a shared surname alone reaches 0.9 (zhangwei/zhangli is 0.92).
	 */
	private static boolean similar(NormalizedName.Reading x, NormalizedName.Reading y, String xs, String ys, String xg,
			String yg) {
		if (xs.equals(ys)) {
			return xg.equals(yg) || JaroWinkler.similarity(x.given(), y.given()) >= SIMILAR_BOUND;
		}
		return !xg.isEmpty() && xg.equals(yg) && JaroWinkler.similarity(x.surname(), y.surname()) >= SIMILAR_BOUND;
	}

	/**
	 * Folds the distinctions the fuzzy-pinyin setting of Chinese input methods ignores (z/zh, c/ch,
	 * s/sh, -n/-ng): a homophone picked with such a setting, e.g. 敏 for 明, types the same.
	 */
	static String fuzzy(String pinyin) {
		return pinyin.replace("zh", "z").replace("ch", "c").replace("sh", "s").replace("ng", "n");
	}

}
