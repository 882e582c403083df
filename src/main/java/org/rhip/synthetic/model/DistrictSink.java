package org.rhip.synthetic.model;

import java.io.IOException;
import java.util.List;

/**
 * Where the district's events go: first the family-doctor teams, then every resident's history in
 * resident order (the order is fixed by the seed, never by thread scheduling). A writer of a format
 * implements it; {@link #close()} finishes the files.
 */
public interface DistrictSink extends AutoCloseable {

	void teams(List<Team> teams) throws IOException;

	void person(PersonHistory history) throws IOException;

	@Override
	void close() throws IOException;

}
