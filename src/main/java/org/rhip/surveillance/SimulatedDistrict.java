package org.rhip.surveillance;

import java.util.List;

/** What a simulation wrote: cards, sentinel count rows, and the outbreaks injected on purpose. */
public record SimulatedDistrict(int cards, int counts, List<InjectedOutbreak> outbreaks) {
}
