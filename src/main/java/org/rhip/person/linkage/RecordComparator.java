package org.rhip.person.linkage;

/** Compares two records field by field into a {@link ComparisonVector}. Thread-safe. */
public final class RecordComparator {

	private final NameNormalizer names;

	public RecordComparator() {
		this(new NameNormalizer());
	}

	public RecordComparator(NameNormalizer names) {
		this.names = names;
	}

	public PreparedRecord prepare(PersonFeatures features) {
		return new PreparedRecord(names.normalize(features.name()).orElse(null), features.birthDate(),
				SexComparator.code(features.sex()), PhoneComparator.digits(features.phone()),
				AddressComparator.Address.of(features.orgUnitCode(), features.address()));
	}

	public ComparisonVector compare(PreparedRecord a, PreparedRecord b) {
		return ComparisonVector.of(NameComparator.level(a, b),
				BirthDateComparator.level(a.birthDate, b.birthDate), SexComparator.level(a.sex, b.sex),
				PhoneComparator.level(a.phone, b.phone), AddressComparator.level(a.address, b.address));
	}

	public ComparisonVector compare(PersonFeatures a, PersonFeatures b) {
		return compare(prepare(a), prepare(b));
	}

}
