package org.rhip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.rhip.platform.db.DatabaseProperties;
import org.rhip.security.Role;
import org.rhip.security.SecurityApi;
import org.rhip.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The privacy requirement, checked where it matters: the bytes of PostgreSQL's files (tables,
 * indexes, WAL) hold no ID number, phone number or Chinese name of the persons stored through FHIR —
 * not even in a clinical resource whose subject reference carried the name as its display.
 */
class NoPlaintextOnDiskTest extends IntegrationTest {

	@Autowired
	SecurityApi security;

	@Autowired
	DatabaseProperties database;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDatabaseFilesHoldNoIdNumberPhoneOrNameOfStoredPersons() throws IOException {
		IGenericClient fhir = FhirTestSupport.client(url("/fhir"),
				security.createToken("disk-" + System.nanoTime(), Role.CLERK, null, FhirTestSupport.HOSPITAL));
		List<String> secrets = new ArrayList<>();
		String[] names = { "龚", "燚", "鑫", "犇", "骉", "淼", "焱", "垚" };
		for (int i = 0; i < 3; i++) {
			String id = FhirTestSupport.idNumber(FhirTestSupport.randomBirth(), i % 2 == 0);
			String phone = FhirTestSupport.randomPhone();
			String given = names[(int) (System.nanoTime() % names.length)] + names[i + 2] + names[i + 3];
			Patient p = FhirTestSupport.resident(id, "龚", given, phone);
			String pid = fhir.create().resource(p).execute().getId().getIdPart();
			Observation o = FhirRestTest.glucose(pid, 5.0 + i);
			o.setSubject(new Reference("Patient/" + pid).setDisplay("龚" + given));
			fhir.create().resource(o).execute();
			secrets.add(id);
			secrets.add(phone);
			secrets.add("龚" + given);
		}
		jdbc.sql("checkpoint").update();
		Path cluster = database.dataDir().toAbsolutePath().resolve("pg");
		assertThat(cluster.resolve("PG_VERSION")).exists();
		List<byte[]> needles = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
		List<String> found = new ArrayList<>();
		long scanned = 0;
		try (Stream<Path> files = Files.walk(cluster)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				byte[] bytes;
				try {
					bytes = Files.readAllBytes(file);
				}
				catch (IOException gone) {
					continue; // a temporary file removed while we walked
				}
				scanned += bytes.length;
				for (int n = 0; n < needles.size(); n++) {
					if (indexOf(bytes, needles.get(n)) >= 0) {
						found.add("secret " + n + " in " + cluster.relativize(file));
					}
				}
			}
		}
		assertThat(scanned).isGreaterThan(1_000_000);
		assertThat(found).isEmpty();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			if (haystack[i] != needle[0]) {
				continue;
			}
			for (int j = 1; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
