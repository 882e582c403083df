/**
 * Bulk import: streaming readers (NDJSON, Bundle JSON, CSV templates) that turn a file into
 * batches of FHIR resources with their line numbers, and the import job that commits one batch per
 * transaction, keeps what was rejected and can resume after a crash.
 */
package org.rhip.interop.bulk;
