package org.rhip.care;

import java.util.List;

/** One page of a team's contracts, newest start first, and how many there are in all. */
public record ContractPage(List<SignedResident> items, long total, int offset, int limit) {
}
