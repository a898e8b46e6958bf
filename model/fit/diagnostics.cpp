#include "diagnostics.h"

#include "least_squares.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace gradlab::fit {
namespace {

// The upper tail of χ² with 2 degrees of freedom.
double chiSquared2Tail(double x) { return std::exp(-0.5 * x); }

// scipy.stats.skewtest's z (D'Agostino 1970), n ≥ 8.
double skewZ(double skew, double n)
{
    const double y = skew * std::sqrt((n + 1.0) * (n + 3.0) / (6.0 * (n - 2.0)));
    const double beta2 = 3.0 * (n * n + 27.0 * n - 70.0) * (n + 1.0) * (n + 3.0) / ((n - 2.0) * (n + 5.0) * (n + 7.0) * (n + 9.0));
    const double w2 = -1.0 + std::sqrt(2.0 * (beta2 - 1.0));
    const double delta = 1.0 / std::sqrt(0.5 * std::log(w2));
    const double alpha = std::sqrt(2.0 / (w2 - 1.0));
    return delta * std::asinh(y / alpha);
}

// scipy.stats.kurtosistest's z (Anscombe and Glynn 1983), n ≥ 5; NaN where it divides by zero.
double kurtosisZ(double kurtosis, double n)
{
    const double mean = 3.0 * (n - 1.0) / (n + 1.0);
    const double variance = 24.0 * n * (n - 2.0) * (n - 3.0) / ((n + 1.0) * (n + 1.0) * (n + 3.0) * (n + 5.0));
    const double x = (kurtosis - mean) / std::sqrt(variance);
    const double sqrtBeta1 = 6.0 * (n * n - 5.0 * n + 2.0) / ((n + 7.0) * (n + 9.0))
                             * std::sqrt(6.0 * (n + 3.0) * (n + 5.0) / (n * (n - 2.0) * (n - 3.0)));
    const double a = 6.0 + 8.0 / sqrtBeta1 * (2.0 / sqrtBeta1 + std::sqrt(1.0 + 4.0 / (sqrtBeta1 * sqrtBeta1)));
    const double term1 = 1.0 - 2.0 / (9.0 * a);
    const double denominator = 1.0 + x * std::sqrt(2.0 / (a - 4.0));
    if (denominator == 0.0)
        return std::numeric_limits<double>::quiet_NaN();
    const double term2 = std::copysign(std::cbrt((1.0 - 2.0 / a) / std::abs(denominator)), denominator);
    return (term1 - term2) / std::sqrt(2.0 / (9.0 * a));
}

} // namespace

void describeResiduals(std::span<const double> residuals, Diagnostics& d)
{
    const std::size_t count = residuals.size();
    if (count < 2) {
        d.residualsUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "there are fewer than 2 residuals"));
        return;
    }
    const double n = static_cast<double>(count);
    // Every statistic here is a ratio of moments: the residuals are divided by the largest of them,
    // so that their fourth powers neither overflow (1e80) nor underflow (1e-100).
    double scale = 0.0;
    for (double e : residuals)
        scale = std::max(scale, std::abs(e));
    if (!(scale > 0.0) || !std::isfinite(scale)) {
        d.residualsUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the residuals are all equal"));
        return;
    }
    const auto at = [&](std::size_t i) { return residuals[i] / scale; };
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i)
        sum += at(i);
    const double mean = sum / n;
    // Central moments about the residuals' mean (zero up to rounding with an intercept), as scipy.
    double m2 = 0.0, m3 = 0.0, m4 = 0.0, squares = 0.0, steps = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const double c = at(i) - mean, c2 = c * c;
        m2 += c2;
        m3 += c2 * c;
        m4 += c2 * c2;
        squares += at(i) * at(i);
        if (i > 0)
            steps += (at(i) - at(i - 1)) * (at(i) - at(i - 1));
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    if (!(m2 > 0.0) || !std::isfinite(m4)) {
        d.residualsUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the residuals are all equal"));
        return;
    }
    d.durbinWatson = steps / squares;
    d.skew = m3 / std::pow(m2, 1.5);
    d.kurtosis = m4 / (m2 * m2);
    d.jarqueBera = n / 6.0 * (d.skew * d.skew + 0.25 * (d.kurtosis - 3.0) * (d.kurtosis - 3.0));
    d.jarqueBeraPValue = chiSquared2Tail(d.jarqueBera);
    if (count < 8) {
        d.omnibusUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the omnibus test needs at least 8 residuals; "
                                                                          "there are %1"),
                                        {data::Message::arg(static_cast<std::int64_t>(count))});
        return;
    }
    const double zs = skewZ(d.skew, n), zk = kurtosisZ(d.kurtosis, n);
    d.omnibus = zs * zs + zk * zk;
    d.omnibusPValue = chiSquared2Tail(d.omnibus);
    if (std::isnan(d.omnibus))
        d.omnibusUndefined = fitMessage(QT_TRANSLATE_NOOP("gradlab::fit", "the kurtosis test of the omnibus divides by zero "
                                                                          "for these residuals"));
}

} // namespace gradlab::fit
