package org.ivimj.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Erf;

/**
 * Binary logistic regression with an intercept, reported as SPSS's Table 3: B, SE, Wald = (B/SE)²,
 * p, OR = exp(B) with its Wald CI exp(B ± z·SE), −2 log likelihood and the number of iterations.
 * <p>
 * {@link #fit} gives the maximum-likelihood estimates exactly as R's {@code glm(family = binomial)}
 * (iteratively reweighted least squares with glm.fit's start, clamping of the logit and convergence
 * test |Δdeviance| / (|deviance| + 0.1) &lt; 1e-8, at most 25 iterations), with glm.fit's warnings
 * in its words. Fitted probabilities of (numerically) 0 or 1 are only a warning, as in R and SPSS;
 * the estimates are declared non-existent ({@link Status#SEPARATION}) only where the outcome is
 * truly separated ({@link Separation}: the likelihood keeps rising along a direction, so the
 * estimates diverge).
 * <p>
 * {@link #firth} gives Firth's penalised-likelihood estimates (log L + ½ log|X'WX|, finite even under
 * separation), equal to R's {@code brglm2} ({@code glm(method = "brglmFit", type = "AS_mean")}),
 * with Wald SEs from X'WX at the estimates as brglm2's summary prints them.
 * <p>
 * Separation, non-convergence and collinearity are reported in {@link Result#status}, never thrown.
 */
public final class LogisticRegression {

	/** How the fit ended. */
	public enum Status {
		/** Converged; estimates are usable. */
		CONVERGED,
		/**
		 * Complete or quasi-complete separation: the maximum-likelihood estimates do not exist (are
		 * infinite); B and SE hold where glm stopped and mean nothing. Firth's estimates exist.
		 */
		SEPARATION,
		/** No convergence within the iteration limit (the estimates are where it stopped). */
		NOT_CONVERGED,
		/** The parameters are collinear (or constant): the model cannot be estimated. */
		SINGULAR
	}

	/** The estimator. */
	public enum Method {
		/** Maximum likelihood, as R's glm and SPSS. */
		MAXIMUM_LIKELIHOOD("maximum likelihood"),
		/** Firth's penalised likelihood, as R's brglm2 (type = "AS_mean"). */
		FIRTH("Firth");

		/** As the command and its table name it. */
		public final String label;

		Method(String label) {
			this.label = label;
		}
	}

	/** glm.fit's warnings, word for word. */
	public static final String WARNING_NOT_CONVERGED = "glm.fit: algorithm did not converge";
	public static final String WARNING_FITTED_0_OR_1 = "glm.fit: fitted probabilities numerically 0 or 1 occurred";

	private static final double EPS = Math.ulp(1.0);
	private static final double THRESH = 30, MTHRESH = -30, INVEPS = 1 / EPS;
	/** glm.fit's limit for the fitted-probabilities warning: 10 × .Machine$double.eps. */
	private static final double FITTED_EPS = 10 * EPS;
	private static final int GLM_MAXIT = 25, FIRTH_MAXIT = 100;

	/** The fitted model; the first coefficient is the intercept ("Constant"). */
	public static final class Result {
		public final Method method;
		public final Status status;
		public final String message;
		/** R's warnings for this fit ({@link #WARNING_FITTED_0_OR_1}, {@link #WARNING_NOT_CONVERGED}); empty if none. */
		public final List<String> warnings;
		public final String[] terms;
		public final double[] b, se, z, wald, p, oddsRatio, orLower, orUpper;
		/** −2 log likelihood (the unpenalised deviance, also for Firth's estimates, as brglm2 reports it). */
		public final double minus2LogLikelihood, nullMinus2LogLikelihood;
		public final int iterations, n;
		/** Fitted probabilities of the positive outcome, one per observation. */
		public final double[] fitted;

		Result(Method method, Status status, String message, List<String> warnings, String[] terms, double[] b, double[] se,
			double confidence, double dev, double nullDev, int iterations, double[] fitted) {
			this.method = method;
			this.status = status;
			this.message = message;
			this.warnings = Collections.unmodifiableList(new ArrayList<>(warnings));
			this.terms = terms;
			this.b = b;
			this.se = se;
			int k = b.length;
			z = new double[k];
			wald = new double[k];
			p = new double[k];
			oddsRatio = new double[k];
			orLower = new double[k];
			orUpper = new double[k];
			double q = new NormalDistribution(null, 0, 1, 1e-14).inverseCumulativeProbability(1 - (1 - confidence) / 2);
			for (int i = 0; i < k; i++) {
				z[i] = b[i] / se[i];
				wald[i] = z[i] * z[i];
				p[i] = Erf.erfc(Math.abs(z[i]) / Math.sqrt(2));
				oddsRatio[i] = Math.exp(b[i]);
				orLower[i] = Math.exp(b[i] - q * se[i]);
				orUpper[i] = Math.exp(b[i] + q * se[i]);
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
	 * Maximum-likelihood fit of P(positive) = 1 / (1 + exp(−(b0 + Σ bj xj))), as R's glm.
	 *
	 * @param x one row per observation, one column per parameter (no intercept column; no NaN)
	 * @param positive the outcome of each observation
	 * @param names the parameters' names
	 * @param confidence level of the OR intervals, e.g. 0.95
	 */
	public static Result fit(double[][] x, boolean[] positive, String[] names, double confidence) {
		Design d = new Design(x, positive, names);
		int n = d.n, k = d.k;
		double[] y = d.y;
		double[] mu = new double[n], eta = new double[n];
		double devOld = 0;
		for (int i = 0; i < n; i++) {
			mu[i] = (y[i] + 0.5) / 2;
			eta[i] = Math.log(mu[i] / (1 - mu[i]));
			devOld += devResid(y[i], mu[i]);
		}
		double[] coef;
		RealMatrix xtwx;
		double dev;
		boolean converged = false;
		int iter = 0;
		while (true) {
			iter++;
			double[][] wx = new double[n][k];
			double[] wz = new double[n];
			for (int i = 0; i < n; i++) {
				double me = muEta(eta[i]);
				double zi = eta[i] + (y[i] - mu[i]) / me;
				double w = Math.sqrt(me * me / (mu[i] * (1 - mu[i])));
				for (int j = 0; j < k; j++) wx[i][j] = d.design[i][j] * w;
				wz[i] = zi * w;
			}
			RealMatrix a = new Array2DRowRealMatrix(wx, false);
			try {
				coef = new QRDecomposition(a, 1e-11).getSolver().solve(new ArrayRealVector(wz, false)).toArray();
			}
			catch (SingularMatrixException e) {
				return singular(Method.MAXIMUM_LIKELIHOOD, d, confidence, iter);
			}
			// glm's standard errors come from the weights of the last least-squares step.
			xtwx = a.transpose().multiply(a);
			dev = 0;
			for (int i = 0; i < n; i++) {
				eta[i] = d.linear(i, coef);
				mu[i] = linkInv(eta[i]);
				dev += devResid(y[i], mu[i]);
			}
			if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < 1e-8) {
				converged = true;
				break;
			}
			if (iter == GLM_MAXIT) break;
			devOld = dev;
		}
		double[] se = standardErrors(xtwx);
		if (se == null) return singular(Method.MAXIMUM_LIKELIHOOD, d, confidence, iter);
		List<String> warnings = new ArrayList<>();
		if (!converged) warnings.add(WARNING_NOT_CONVERGED);
		for (double m : mu)
			if (m > 1 - FITTED_EPS || m < FITTED_EPS) {
				warnings.add(WARNING_FITTED_0_OR_1);
				break;
			}
		Status status;
		String message;
		if (Separation.direction(d.design, positive) != null) {
			status = Status.SEPARATION;
			message = "complete or quasi-complete separation: a combination of " + String.join(", ", names)
				+ " separates the groups, so the maximum-likelihood estimates do not exist (they grow without bound); "
				+ "use Firth's penalised logistic regression (method=Firth)";
		}
		else if (!converged) {
			status = Status.NOT_CONVERGED;
			message = "did not converge in " + GLM_MAXIT + " iterations; the estimates are where it stopped";
		}
		else {
			status = Status.CONVERGED;
			message = "converged";
		}
		return new Result(Method.MAXIMUM_LIKELIHOOD, status, message, warnings, d.terms, coef, se, confidence, dev, d.nullDeviance(),
			iter, mu.clone());
	}

	/**
	 * Firth's penalised-likelihood fit (R's brglm2, {@code type = "AS_mean"}): the root of the
	 * adjusted score X'(y − μ + h(½ − μ)), h the hat values of W^½X, found by Fisher scoring with
	 * step halving on log L + ½ log|X'WX| until the Newton decrement U'(X'WX)⁻¹U is below 1e-15.
	 * Finite under separation.
	 */
	public static Result firth(double[][] x, boolean[] positive, String[] names, double confidence) {
		Design d = new Design(x, positive, names);
		int n = d.n, k = d.k;
		double[] beta = new double[k];
		Penalised cur = Penalised.at(d, beta);
		if (cur == null) return singular(Method.FIRTH, d, confidence, 0);
		boolean converged = false;
		int steps = 0;
		for (int iter = 0; iter < FIRTH_MAXIT; iter++) {
			double[] step = cur.inverse.operate(cur.score);
			// The Newton decrement U'I⁻¹U: dimensionless, so one threshold serves every scale of the parameters.
			double decrement = 0;
			for (int j = 0; j < k; j++) decrement += step[j] * cur.score[j];
			if (decrement < 1e-15) {
				converged = true;
				break;
			}
			Penalised next = null;
			for (int half = 0; half < 30; half++) {
				double[] trial = new double[k];
				for (int j = 0; j < k; j++) trial[j] = beta[j] + step[j];
				Penalised t = Penalised.at(d, trial);
				if (t != null && t.objective >= cur.objective - 1e-12 * Math.abs(cur.objective)) {
					next = t;
					beta = trial;
					break;
				}
				for (int j = 0; j < k; j++) step[j] /= 2;
			}
			if (next == null) {
				// No step improves the objective in double precision: at the root if the decrement is negligible.
				converged = decrement < 1e-8;
				break;
			}
			cur = next;
			steps++;
		}
		double[] se = new double[k];
		for (int j = 0; j < k; j++) se[j] = Math.sqrt(cur.inverse.getEntry(j, j));
		double dev = 0;
		for (int i = 0; i < n; i++) dev += devResid(d.y[i], cur.mu[i]);
		List<String> warnings = new ArrayList<>();
		String message = "Firth's penalised likelihood (as R's brglm2, type = \"AS_mean\")";
		if (!converged) {
			warnings.add("brglmFit: algorithm did not converge");
			message += "; did not converge in " + FIRTH_MAXIT + " iterations";
		}
		return new Result(Method.FIRTH, converged ? Status.CONVERGED : Status.NOT_CONVERGED, message, warnings, d.terms, beta, se,
			confidence, dev, d.nullDeviance(), steps, cur.mu.clone());
	}

	/** The penalised log likelihood, adjusted score and inverse information at one β. */
	private static final class Penalised {
		double objective;
		double[] score, mu;
		RealMatrix inverse;

		static Penalised at(Design d, double[] beta) {
			int n = d.n, k = d.k;
			Penalised p = new Penalised();
			p.mu = new double[n];
			double[] w = new double[n];
			double logLik = 0;
			double[][] info = new double[k][k];
			for (int i = 0; i < n; i++) {
				double e = d.linear(i, beta);
				// log μ and log(1 − μ) without cancellation at large |η|.
				double logMu = -log1pExp(-e), log1mMu = -log1pExp(e);
				p.mu[i] = Math.exp(logMu);
				w[i] = Math.exp(logMu + log1mMu);
				logLik += d.y[i] == 1 ? logMu : log1mMu;
				for (int r = 0; r < k; r++)
					for (int c = 0; c <= r; c++) info[r][c] += w[i] * d.design[i][r] * d.design[i][c];
			}
			for (int r = 0; r < k; r++) for (int c = r + 1; c < k; c++) info[r][c] = info[c][r];
			LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(info, false), 1e-300);
			double det = lu.getDeterminant();
			if (!(det > 0)) return null;
			try {
				p.inverse = lu.getSolver().getInverse();
			}
			catch (SingularMatrixException e) {
				return null;
			}
			p.objective = logLik + 0.5 * Math.log(det);
			p.score = new double[k];
			for (int i = 0; i < n; i++) {
				double[] xi = d.design[i];
				double h = w[i] * quadratic(p.inverse, xi);
				double r = d.y[i] - p.mu[i] + h * (0.5 - p.mu[i]);
				for (int j = 0; j < k; j++) p.score[j] += xi[j] * r;
			}
			return p;
		}
	}

	/** The design matrix with the intercept column, the 0/1 outcome and the terms' names. */
	private static final class Design {
		final int n, k;
		final double[][] design;
		final double[] y;
		final String[] terms;

		Design(double[][] x, boolean[] positive, String[] names) {
			n = x.length;
			k = names.length + 1;
			if (n != positive.length) throw new IllegalArgumentException("x and outcome differ in length");
			terms = new String[k];
			terms[0] = "Constant";
			System.arraycopy(names, 0, terms, 1, names.length);
			design = new double[n][k];
			y = new double[n];
			for (int i = 0; i < n; i++) {
				design[i][0] = 1;
				for (int j = 1; j < k; j++) design[i][j] = x[i][j - 1];
				y[i] = positive[i] ? 1 : 0;
			}
		}

		double linear(int i, double[] coef) {
			double e = 0;
			for (int j = 0; j < k; j++) e += design[i][j] * coef[j];
			return e;
		}

		double nullDeviance() {
			double ybar = 0;
			for (double v : y) ybar += v / n;
			double dev = 0;
			for (double v : y) dev += devResid(v, ybar);
			return dev;
		}
	}

	private static double[] standardErrors(RealMatrix xtwx) {
		try {
			RealMatrix cov = new LUDecomposition(xtwx, 1e-300).getSolver().getInverse();
			double[] se = new double[xtwx.getRowDimension()];
			for (int j = 0; j < se.length; j++) se[j] = Math.sqrt(cov.getEntry(j, j));
			return se;
		}
		catch (SingularMatrixException e) {
			return null;
		}
	}

	private static double quadratic(RealMatrix a, double[] x) {
		double s = 0;
		for (int r = 0; r < x.length; r++) for (int c = 0; c < x.length; c++) s += x[r] * a.getEntry(r, c) * x[c];
		return s;
	}

	private static double log1pExp(double v) {
		return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
	}

	private static Result singular(Method method, Design d, double confidence, int iter) {
		double[] nan = new double[d.k];
		Arrays.fill(nan, Double.NaN);
		double[] fitted = new double[d.n];
		Arrays.fill(fitted, Double.NaN);
		return new Result(method, Status.SINGULAR, "parameters are collinear or constant; remove one and retry", List.of(), d.terms, nan,
			nan.clone(), confidence, Double.NaN, d.nullDeviance(), iter, fitted);
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
