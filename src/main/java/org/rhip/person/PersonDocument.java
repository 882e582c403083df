package org.rhip.person;

/**
 * An identity document other than (or besides) the resident ID number: {@code passport},
 * {@code hk_macao_permit} (港澳居民来往内地通行证), {@code taiwan_permit} (台湾居民来往大陆通行证),
 * {@code foreign_permanent_residence}, {@code hk_macao_taiwan_residence} (港澳台居民居住证), {@code other}.
 */
public record PersonDocument(String type, String number) {

	public static final java.util.Set<String> TYPES = java.util.Set.of("resident_id", "passport", "hk_macao_permit",
			"taiwan_permit", "foreign_permanent_residence", "hk_macao_taiwan_residence", "other");

}
