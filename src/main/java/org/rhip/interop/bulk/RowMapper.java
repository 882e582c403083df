package org.rhip.interop.bulk;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

/** Turns one row of a CSV template into FHIR resources, or throws {@link RowProblem}. */
interface RowMapper {

	List<Resource> map(Row row, CsvContext context);

}
