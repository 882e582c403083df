package org.rhip.synthetic.model;

/**
 * What to generate: the region, the scale (1.0 = the registry's 2020 population), the years, the seed,
 * ordinary visits per person-year, and the worker threads (the output does not depend on them).
 */
public record Settings(String region, double scale, int firstYear, int lastYear, long seed, double visitRate, int threads) {
}
