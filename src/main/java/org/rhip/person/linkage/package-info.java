/**
 * Probabilistic record linkage for the person index (一人一码): Fellegi–Sunter matching of records
 * that carry no usable resident ID number, on name (Chinese, pinyin, variant characters), birth date,
 * sex, phone and address, with m/u probabilities estimated by EM. Pure computation: no database, no
 * Spring. The person module stores the blocking keys ({@link org.rhip.person.linkage.Blocking}),
 * fetches candidates by them and asks the {@link org.rhip.person.linkage.Linker} for a decision.
 * See docs/linkage.md for the method and its measured quality.
 */
package org.rhip.person.linkage;
