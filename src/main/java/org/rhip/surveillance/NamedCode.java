package org.rhip.surveillance;

/** A code of a dictionary (sentinel source, syndrome) with its Chinese and English names. */
public record NamedCode(String code, String name, String nameEn) {
}
