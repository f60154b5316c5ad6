package org.ivimj.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Erf;

/**
 * Binary logistic regression with an intercept, fitted by iteratively reweighted least squares
 * exactly as R's {@code glm(family = binomial)} (same start, same clamping of the logit, same
 * convergence test |Δdeviance| / (|deviance| + 0.1) &lt; 1e-8, at most 25 iterations), reported as
 * SPSS's Table 3: B, SE, Wald = (B/SE)², p, OR = exp(B) with its Wald CI exp(B ± z·SE),
 * −2 log likelihood and the number of iterations. Complete or quasi-complete separation and
 * non-convergence are reported in {@link Result#status}, never thrown.
 */
public final class LogisticRegression {

	/** How the fit ended. */
	public enum Status {
		/** Converged; estimates are usable. */
		CONVERGED,
		/** A fitted probability is within 1e-8 of 0 or 1: the groups are (quasi-)separated and B/SE are meaningless. */
		SEPARATION,
		/** No convergence within the iteration limit. */
		NOT_CONVERGED,
		/** The parameters are collinear (or constant): the model cannot be estimated. */
		SINGULAR
	}

	private static final double EPS = Math.ulp(1.0);
	private static final double THRESH = 30, MTHRESH = -30, INVEPS = 1 / EPS;
	private static final double SEPARATION_TOLERANCE = 1e-8;

	/** The fitted model; the first coefficient is the intercept ("Constant"). */
	public static final class Result {
		public final Status status;
		public final String message;
		public final String[] terms;
		public final double[] b, se, wald, p, oddsRatio, orLower, orUpper;
		public final double minus2LogLikelihood, nullMinus2LogLikelihood;
		public final int iterations, n;
		/** Fitted probabilities of the positive outcome, one per observation. */
		public final double[] fitted;

		Result(Status status, String message, String[] terms, double[] b, double[] se, double confidence, double dev,
			double nullDev, int iterations, double[] fitted) {
			this.status = status;
			this.message = message;
			this.terms = terms;
			this.b = b;
			this.se = se;
			int k = b.length;
			wald = new double[k];
			p = new double[k];
			oddsRatio = new double[k];
			orLower = new double[k];
			orUpper = new double[k];
			double z = new NormalDistribution(null, 0, 1, 1e-14).inverseCumulativeProbability(1 - (1 - confidence) / 2);
			for (int i = 0; i < k; i++) {
				double zi = b[i] / se[i];
				wald[i] = zi * zi;
				p[i] = Erf.erfc(Math.abs(zi) / Math.sqrt(2));
				oddsRatio[i] = Math.exp(b[i]);
				orLower[i] = Math.exp(b[i] - z * se[i]);
				orUpper[i] = Math.exp(b[i] + z * se[i]);
			}
			this.minus2LogLikelihood = dev;
			this.nullMinus2LogLikelihood = nullDev;
			this.iterations = iterations;
			this.n = fitted.length;
			this.fitted = fitted;
		}
	}

	private LogisticRegression() {}

	/**
	 * Fits P(positive) = 1 / (1 + exp(−(b0 + Σ bj xj))).
	 *
	 * @param x one row per observation, one column per parameter (no intercept column; no NaN)
	 * @param positive the outcome of each observation
	 * @param names the parameters' names
	 * @param confidence level of the OR intervals, e.g. 0.95
	 */
	public static Result fit(double[][] x, boolean[] positive, String[] names, double confidence) {
		int n = x.length, k = names.length + 1;
		if (n != positive.length) throw new IllegalArgumentException("x and outcome differ in length");
		String[] terms = new String[k];
		terms[0] = "Constant";
		System.arraycopy(names, 0, terms, 1, names.length);
		double[][] design = new double[n][k];
		double[] y = new double[n];
		double ybar = 0;
		for (int i = 0; i < n; i++) {
			design[i][0] = 1;
			for (int j = 1; j < k; j++) design[i][j] = x[i][j - 1];
			y[i] = positive[i] ? 1 : 0;
			ybar += y[i] / n;
		}
		double nullDev = 0;
		for (int i = 0; i < n; i++) nullDev += devResid(y[i], ybar);
		double[] mu = new double[n], eta = new double[n];
		double devOld = 0;
		for (int i = 0; i < n; i++) {
			mu[i] = (y[i] + 0.5) / 2;
			eta[i] = Math.log(mu[i] / (1 - mu[i]));
			devOld += devResid(y[i], mu[i]);
		}
		double[] coef = new double[k];
		RealMatrix xtwx = null;
		double dev = devOld;
		boolean converged = false;
		int iter;
		for (iter = 1; iter <= 25; iter++) {
			double[][] wx = new double[n][k];
			double[] wz = new double[n];
			for (int i = 0; i < n; i++) {
				double me = muEta(eta[i]);
				double z = eta[i] + (y[i] - mu[i]) / me;
				double w = Math.sqrt(me * me / (mu[i] * (1 - mu[i])));
				for (int j = 0; j < k; j++) wx[i][j] = design[i][j] * w;
				wz[i] = z * w;
			}
			RealMatrix a = new Array2DRowRealMatrix(wx, false);
			QRDecomposition qr = new QRDecomposition(a, 1e-11);
			try {
				coef = qr.getSolver().solve(new ArrayRealVector(wz, false)).toArray();
			}
			catch (SingularMatrixException e) {
				return singular(terms, confidence, nullDev, iter, n);
			}
			// glm's standard errors come from the weights of the last least-squares step.
			xtwx = a.transpose().multiply(a);
			dev = 0;
			for (int i = 0; i < n; i++) {
				double e = 0;
				for (int j = 0; j < k; j++) e += design[i][j] * coef[j];
				eta[i] = e;
				mu[i] = linkInv(e);
				dev += devResid(y[i], mu[i]);
			}
			if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
				converged = true;
				break;
			}
			devOld = dev;
		}
		if (iter > 25) iter = 25;
		double[] se = new double[k];
		try {
			RealMatrix cov = new LUDecomposition(xtwx, 1e-300).getSolver().getInverse();
			for (int j = 0; j < k; j++) se[j] = Math.sqrt(cov.getEntry(j, j));
		}
		catch (SingularMatrixException e) {
			return singular(terms, confidence, nullDev, iter, n);
		}
		boolean separated = false;
		for (double m : mu) if (m < SEPARATION_TOLERANCE || m > 1 - SEPARATION_TOLERANCE) separated = true;
		Status status = separated ? Status.SEPARATION : converged ? Status.CONVERGED : Status.NOT_CONVERGED;
		String message = status == Status.SEPARATION
			? "complete or quasi-complete separation: fitted probabilities of 0 or 1 occurred; B, SE and OR are not estimable"
			: status == Status.NOT_CONVERGED ? "did not converge in 25 iterations; estimates are unreliable" : "converged";
		return new Result(status, message, terms, coef, se, confidence, dev, nullDev, iter, mu.clone());
	}

	private static Result singular(String[] terms, double confidence, double nullDev, int iter, int n) {
		double[] nan = new double[terms.length];
		java.util.Arrays.fill(nan, Double.NaN);
		double[] fitted = new double[n];
		java.util.Arrays.fill(fitted, Double.NaN);
		return new Result(Status.SINGULAR, "parameters are collinear or constant; remove one and retry", terms, nan, nan.clone(),
			confidence, Double.NaN, nullDev, iter, fitted);
	}

	private static double linkInv(double eta) {
		double t = eta < MTHRESH ? EPS : eta > THRESH ? INVEPS : Math.exp(eta);
		return t / (1 + t);
	}

	private static double muEta(double eta) {
		double opexp = 1 + Math.exp(eta);
		return eta > THRESH || eta < MTHRESH ? EPS : Math.exp(eta) / (opexp * opexp);
	}

	private static double devResid(double y, double mu) {
		return 2 * (ylogy(y, mu) + ylogy(1 - y, 1 - mu));
	}

	private static double ylogy(double y, double mu) {
		return y != 0 ? y * Math.log(y / mu) : 0;
	}
}
