package org.rhip.surveillance;

import java.util.List;

/** What a batch did: rows stored, and each rejected row with its line (or index) and reason. */
public record LoadResult(int stored, List<Rejected> rejected) {

	/** A rejected row: {@code line} is the file line (header = 1) or the 1-based item of a JSON list. */
	public record Rejected(int line, String field, String reason) {
	}

}
