package org.rhip.care;

/**
 * A member of a family-doctor team: staff, not a resident, so the name is kept as it is.
 * {@code institutionCode}: where the member works, when not the team's institution (a specialist's
 * hospital); may be null.
 */
public record TeamMember(String role, String name, String institutionCode) {
}
