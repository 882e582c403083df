package org.rhip.record.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rhip.platform.problem.InvalidInput;
import org.rhip.record.RecordSystems;
import org.rhip.registry.OrgUnit;
import org.rhip.registry.RegistryApi;

/** A FHIR Patient as the person index sees it, and where each field came from. */
class PatientMapperTest {

	private RegistryApi registry;

	private PatientMapper mapper;

	@BeforeEach
	void registry() {
		registry = mock(RegistryApi.class);
		OrgUnit tianhe = new OrgUnit("440106", "天河区", "Tianhe", "district", Optional.of("4401"), "/44/4401/440106/", 3);
		OrgUnit shipai = new OrgUnit("440106007", "石牌街道", "Shipai", "street", Optional.of("440106"), "/44/4401/440106/440106007/", 4);
		OrgUnit guangming = new OrgUnit("440311", "光明区", "Guangming", "district", Optional.of("4403"), "/44/4403/440311/", 3);
		when(registry.regions()).thenReturn(List.of(tianhe, guangming));
		when(registry.children("440106")).thenReturn(List.of(shipai));
		when(registry.children("440311")).thenReturn(List.of());
		when(registry.children("440106007")).thenReturn(List.of());
		when(registry.findOrgUnit("440106007")).thenReturn(Optional.of(shipai));
		mapper = new PatientMapper(new AddressMatcher(registry));
	}

	private static Patient patient() {
		Patient p = new Patient();
		p.addIdentifier().setSystem("http://hospital.example.cn/mrn").setValue("MRN-1");
		p.addIdentifier().setSystem(RecordSystems.RESIDENT_ID).setValue("440106198001021234");
		p.addIdentifier().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "PPN", null)))
			.setSystem("http://example.org/passport").setValue("E12345678");
		p.addIdentifier().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "SS", null)))
			.setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("999-12-3456");
		p.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("欧阳").addGiven("小明");
		p.setGender(Enumerations.AdministrativeGender.MALE);
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("x@example.cn");
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("020-12345678");
		p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE).setValue("13912345678");
		p.addAddress().setUse(Address.AddressUse.HOME).setCity("广州市").setDistrict("天河区").addLine("石牌街道五山路1号");
		return p;
	}

	@Test
	void identifiersNameSexPhoneAndAddressAreMappedWithTheirPaths() {
		PatientMapper.Mapped m = mapper.map(patient(), "p1", "440106-H001");
		assertThat(m.source().system()).isEqualTo("Patient");
		assertThat(m.source().value()).isEqualTo("p1");
		assertThat(m.source().idNumber()).isEqualTo("440106198001021234");
		assertThat(m.path("idNumber")).isEqualTo("Patient.identifier[1].value");
		assertThat(m.source().documents()).extracting(d -> d.type()).containsExactly("passport");
		assertThat(m.source().otherIdentifiers()).extracting(a -> a[1]).containsExactly("MRN-1"); // not the SSN
		assertThat(m.source().name()).isEqualTo("欧阳小明");
		assertThat(m.source().sex()).isEqualTo("1");
		assertThat(m.source().phone()).isEqualTo("13912345678");
		assertThat(m.path("phone")).isEqualTo("Patient.telecom[2].value");
		assertThat(m.source().orgUnitCode()).isEqualTo("440106007");
	}

	@Test
	void aRefusalOfThePersonIndexIsRenamedToTheFhirElement() {
		PatientMapper.Mapped m = mapper.map(patient(), "p1", null);
		var ex = m.translate(new InvalidInput("person.id-number", "idNumber", "the check character of the ID number is wrong"));
		assertThat(ex.field()).isEqualTo("Patient.identifier[1].value");
		assertThat(m.translate(new InvalidInput("person.sex", "sex", "x")).field()).isEqualTo("Patient.gender");
	}

	@Test
	void genderCodesFollowGbt2261() {
		Patient p = new Patient();
		assertThat(PatientMapper.sex(p.setGender(Enumerations.AdministrativeGender.FEMALE))).isEqualTo("2");
		assertThat(PatientMapper.sex(p.setGender(Enumerations.AdministrativeGender.OTHER))).isEqualTo("9");
		assertThat(PatientMapper.sex(p.setGender(Enumerations.AdministrativeGender.UNKNOWN))).isEqualTo("0");
	}

	@Test
	void aLatinNameIsGivenThenFamily() {
		assertThat(PatientMapper.nameText(new HumanName().setFamily("Smith").addGiven("John").addGiven("Q"))).isEqualTo("John Q Smith");
		assertThat(PatientMapper.nameText(new HumanName().setText("张三").setFamily("Zhang"))).isEqualTo("张三");
	}

	@Test
	void addressesElsewhereAreOutsideTheRegion() {
		AddressMatcher matcher = new AddressMatcher(registry);
		assertThat(matcher.match(new Address().setCity("Boston").setState("MA").setCountry("US"))).contains("000000");
		assertThat(matcher.match(new Address().setText("北京市朝阳区建国路1号"))).contains("000000");
		assertThat(matcher.match(new Address().setCity("深圳市").setDistrict("光明"))).contains("440311");
		assertThat(matcher.match(new Address().setText("广东省广州市天河区"))).contains("440106");
		// a street of Tianhe named while the address says Guangming is not taken
		assertThat(matcher.match(new Address().setText("深圳市光明区石牌街道"))).contains("440311");
		assertThat(matcher.match(new Address())).isEmpty();
	}

}
