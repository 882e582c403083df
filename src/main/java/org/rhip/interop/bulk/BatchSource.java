package org.rhip.interop.bulk;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** A file read as consecutive batches, never whole into memory. */
interface BatchSource extends Closeable {

	/** The next batch, or empty at the end of the file. */
	Optional<Batch> next() throws IOException;

}
