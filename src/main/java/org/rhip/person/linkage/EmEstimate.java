package org.rhip.person.linkage;

/**
 * The result of {@link EmEstimator}: the model, the estimated share of matches among the pairs it
 * was given, and how the iteration ended.
 */
public record EmEstimate(FellegiSunter model, double matchShare, int iterations, boolean converged,
		double logLikelihood) {
}
