package org.rhip.person;

/** Event: {@code merged} was found to be {@code survivor}; records of the one now belong to the other. */
public record PersonsMerged(long survivor, long merged) {
}
