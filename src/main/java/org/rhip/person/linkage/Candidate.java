package org.rhip.person.linkage;

/**
 * A record the person index found by blocking key, prepared for comparison, with the id the caller
 * wants back (a person id). Several candidates may share an id: a person is scored by their best
 * record. Make one with {@link Linker#candidate}.
 */
public record Candidate<K>(K id, PreparedRecord record) {
}
