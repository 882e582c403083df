package org.rhip.interop;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;
import org.rhip.platform.id.ResidentIdNumber;
import org.rhip.record.RecordSystems;

/** What the FHIR tests share: a client per token, residents of 光明区 with valid ID numbers. */
final class FhirTestSupport {

	/** 光明区, Shenzhen: the district of this test data. */
	static final String DISTRICT = "440311";

	static final String HOSPITAL = "440311-H001";

	static final String OTHER_HOSPITAL = "440311-H002";

	static final FhirContext CLIENT_CONTEXT = clientContext();

	private FhirTestSupport() {
	}

	private static FhirContext clientContext() {
		FhirContext ctx = FhirContext.forR4();
		ctx.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		ctx.getRestfulClientFactory().setSocketTimeout(60_000);
		return ctx;
	}

	static IGenericClient client(String baseUrl, String token) {
		IGenericClient client = CLIENT_CONTEXT.newRestfulGenericClient(baseUrl);
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

	/** A valid 18-character ID number of someone born on {@code birth} in 光明区, random sequence. */
	static String idNumber(LocalDate birth, boolean male) {
		int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
		String body = DISTRICT + birth.toString().replace("-", "") + String.format("%03d", seq);
		return body + ResidentIdNumber.checkCharacter(body);
	}

	static LocalDate randomBirth() {
		return LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 365 * 70));
	}

	static String randomPhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(0, 100_000_000));
	}

	/** A resident of 光明区 as a hospital's system would send them. */
	static Patient resident(String idNumber, String family, String given, String phone) {
		ResidentIdNumber id = ResidentIdNumber.parse(idNumber, LocalDate.now());
		Patient p = new Patient();
		p.addIdentifier().setSystem(RecordSystems.RESIDENT_ID).setValue(idNumber);
		p.addIdentifier().setSystem("http://hospital.example.cn/mrn").setValue("MRN-" + ThreadLocalRandom.current().nextInt(1_000_000));
		p.addName().setFamily(family).addGiven(given);
		p.setGender(id.sex().equals("male") ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
		p.setBirthDateElement(new DateType(id.birthDate().toString()));
		if (phone != null) {
			p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue(phone);
		}
		p.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME).setCity("深圳市").setDistrict("光明区")
			.addLine("光明大道" + ThreadLocalRandom.current().nextInt(1, 999) + "号");
		return p;
	}

}
