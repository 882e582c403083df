package org.rhip.surveillance.detect;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * The few distribution functions the Farrington methods need, computed as R computes them:
 * {@code qnorm} is Wichura's AS 241 (R's algorithm, same coefficients); the discrete quantiles
 * {@code qnbinom} and {@code qpois} are the smallest count whose distribution function reaches
 * {@code p (1 - 8 eps)} (R's search with its left-continuity fuzz), found from R's Cornish-Fisher
 * start; the distribution functions themselves are the regularized incomplete beta and gamma
 * functions of Commons Math.
 */
final class Distributions {

	private static final double EPS = Math.ulp(1.0);

	private Distributions() {
	}

	/** The standard normal quantile, R's {@code qnorm(p)}. */
	static double qnorm(double p) {
		if (Double.isNaN(p) || p < 0 || p > 1) {
			return Double.NaN;
		}
		if (p == 0) {
			return Double.NEGATIVE_INFINITY;
		}
		if (p == 1) {
			return Double.POSITIVE_INFINITY;
		}
		double q = p - 0.5;
		double r;
		double val;
		if (Math.abs(q) <= .425) {
			r = .180625 - q * q;
			val = q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
					+ 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
					+ 133.14166789178437745) * r + 3.387132872796366608)
					/ (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r
							+ 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
							+ 42.313330701600911252) * r + 1.);
			return val;
		}
		r = q > 0 ? 0.5 - p + 0.5 : p;
		r = Math.sqrt(-Math.log(r));
		if (r <= 5.) {
			r += -1.6;
			val = (((((((r * 7.7454501427834140764e-4 + .0227238449892691845833) * r + .24178072517745061177) * r
					+ 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
					+ 4.6303378461565452959) * r + 1.42343711074968357734)
					/ (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + .0151986665636164571966) * r
							+ .14810397642748007459) * r + .68976733498510000455) * r + 1.6763848301838038494) * r
							+ 2.05319162663775882187) * r + 1.);
		}
		else {
			r += -5.;
			val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + .0012426609473880784386) * r
					+ .026532189526576123093) * r + .29656057182850489123) * r + 1.7848265399172913358) * r
					+ 5.4637849111641143699) * r + 6.6579046435011037772)
					/ (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
							+ 7.868691311456132591e-4) * r + .0148753612908506148525) * r + .13692988092273580531) * r
							+ .59983220655588793769) * r + 1.);
		}
		return q < 0 ? -val : val;
	}

	/** {@code 2 * pt(-|t|, df)}: the two-sided p-value of a t statistic. */
	static double tTwoSided(double t, double df) {
		return Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
	}

	/** R's {@code pnbinom(x, size, prob)}. */
	static double pnbinom(double x, double size, double prob) {
		if (x < 0) {
			return 0;
		}
		return Beta.regularizedBeta(prob, size, x + 1);
	}

	/** R's {@code ppois(x, lambda)}. */
	static double ppois(double x, double lambda) {
		if (x < 0) {
			return 0;
		}
		return Gamma.regularizedGammaQ(x + 1, lambda);
	}

	/** R's {@code qnbinom(p, size, prob)} for 0 &lt; p &lt; 1. */
	static double qnbinom(double p, double size, double prob) {
		if (Double.isNaN(p) || Double.isNaN(size) || Double.isNaN(prob) || prob <= 0 || prob > 1 || size < 0) {
			return Double.NaN;
		}
		if (prob == 1 || size == 0) {
			return 0;
		}
		double bigQ = 1.0 / prob;
		double bigP = (1.0 - prob) * bigQ;
		double mu = size * bigP;
		double sigma = Math.sqrt(size * bigP * bigQ);
		double gamma = (bigQ + bigP) / sigma;
		return search(p, mu, sigma, gamma, size, prob, true);
	}

	/** R's {@code qpois(p, lambda)} for 0 &lt; p &lt; 1. */
	static double qpois(double p, double lambda) {
		if (Double.isNaN(p) || !Double.isFinite(lambda) || lambda < 0) {
			return Double.NaN;
		}
		if (lambda == 0) {
			return 0;
		}
		double sigma = Math.sqrt(lambda);
		return search(p, lambda, sigma, 1.0 / sigma, lambda, 0, false);
	}

	private static double cdf(boolean negativeBinomial, double x, double a, double b) {
		return negativeBinomial ? pnbinom(x, a, b) : ppois(x, a);
	}

	/** The smallest y with F(y) &gt;= p (1 - 8 eps), searched from the Cornish-Fisher value. */
	private static double search(double p, double mu, double sigma, double gamma, double a, double b,
			boolean negativeBinomial) {
		double z = qnorm(p);
		double y = Math.rint(mu + sigma * (z + gamma * (z * z - 1) / 6));
		if (!(y >= 0)) {
			y = 0;
		}
		double target = p * (1 - 8 * EPS);
		double incr = y < 4096 ? 1 : Math.floor(y / 64);
		while (true) {
			double f = cdf(negativeBinomial, y, a, b);
			if (Double.isNaN(f)) {
				return y;
			}
			if (f >= target) {
				while (y > 0) {
					double left = cdf(negativeBinomial, y - incr, a, b);
					if (Double.isNaN(left) || left < target) {
						break;
					}
					y = Math.max(0, y - incr);
				}
			}
			else {
				do {
					y += incr;
					f = cdf(negativeBinomial, y, a, b);
				}
				while (!Double.isNaN(f) && f < target);
			}
			if (incr <= 1) {
				return y;
			}
			incr = Math.max(1, Math.floor(incr / 8));
		}
	}

}
