package org.rhip.interop.bulk;

import java.util.List;

/**
 * Consecutive records of one file, committed together: {@code lastLine} is the last line read for
 * it (where a resumed job starts again after), {@code bytesRead} how far into the file that is.
 */
record Batch(List<Parsed> items, long lastLine, long bytesRead) {
}
