// The closed-form fit on the awkward cases: too few rows, exact fits, collinear and constant
// columns, bad input, many blocks and threads; and predict() and the losses built on it.
#include "fit_test_support.h"

#include "data/dataset.h"
#include "fit/loss.h"

#include <Eigen/QR>
#include <QtTest>
#include <omp.h>

#include <limits>
#include <random>

using namespace gradlab;
using namespace gradlab::fittest;

namespace {

// y = 0.5 + Σ (j+1)·x_j + noise on n random rows of k features.
struct Problem {
    std::vector<double> x, y;
};

Problem randomProblem(std::int64_t n, std::int64_t k, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal;
    Problem p;
    for (std::int64_t i = 0; i < n; ++i) {
        double y = 0.5;
        for (std::int64_t j = 0; j < k; ++j) {
            p.x.push_back(normal(rng) + static_cast<double>(j));
            y += static_cast<double>(j + 1) * p.x.back();
        }
        p.y.push_back(y + 0.1 * normal(rng));
    }
    return p;
}

} // namespace

class TestFitCases : public QObject {
    Q_OBJECT

private slots:
    void exactFitIsFlagged()
    {
        std::vector<double> x, y;
        for (int i = 0; i < 10; ++i) {
            x.push_back(0.1 * i);
            y.push_back(1.0 + 2.0 * x.back());
        }
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1));
        FIT_VERIFY_ABS(f.coefficients[0].estimate, 1.0, 1e-14, "a");
        FIT_VERIFY_ABS(f.coefficients[1].estimate, 2.0, 1e-14, "b");
        FIT_VERIFY_ABS(f.rSquared, 1.0, 1e-14, "R²");
        QVERIFY(contains(f.warnings, "the fit is exact"));
    }

    void constantTargetLeavesRSquaredUndefined()
    {
        const std::vector<double> x{1, 2, 3, 4}, y{5, 5, 5, 5};
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1));
        FIT_VERIFY_ABS(f.coefficients[0].estimate, 5.0, 1e-14, "a");
        FIT_VERIFY_ABS(f.coefficients[1].estimate, 0.0, 1e-14, "b");
        QVERIFY(std::isnan(f.rSquared));
        QVERIFY(contains(f.warnings, "the target is constant"));
    }

    void noResidualDegreesOfFreedomGivesNaNStatistics()
    {
        // Three rows, three parameters: the plane through the points.
        const std::vector<double> x{0, 0, 1, 0, 0, 1}, y{1, 3, -2};
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 2));
        QCOMPARE(f.rank, std::int64_t(3));
        QCOMPARE(f.dfResidual, 0.0);
        FIT_VERIFY_ABS(f.coefficients[0].estimate, 1.0, 1e-14, "intercept");
        FIT_VERIFY_ABS(f.coefficients[1].estimate, 2.0, 1e-14, "x1");
        FIT_VERIFY_ABS(f.coefficients[2].estimate, -3.0, 1e-14, "x2");
        for (const fit::Coefficient& c : f.coefficients)
            QVERIFY(std::isnan(c.standardError) && std::isnan(c.tValue) && std::isnan(c.pValue) && std::isnan(c.lower));
        QVERIFY(std::isnan(f.adjustedRSquared) && std::isnan(f.residualStandardError) && std::isnan(f.fStatistic));
        QVERIFY(contains(f.warnings, "no residual degrees of freedom"));
        QVERIFY(!contains(f.warnings, "rank-deficient"));
    }

    void fewerRowsThanParametersGivesMinimumNorm()
    {
        // Two rows, three parameters: every β on a line fits; the shortest is orthogonal to it.
        const std::vector<double> x{1, 2, 3, -1}, y{4, 5};
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 2));
        QCOMPARE(f.rank, std::int64_t(2));
        const std::vector<double> b = f.estimates();
        FIT_VERIFY_ABS(b[0] + 1 * b[1] + 2 * b[2], 4.0, 1e-13, "row 0");
        FIT_VERIFY_ABS(b[0] + 3 * b[1] - 1 * b[2], 5.0, 1e-13, "row 1");
        const double null[3] = {-7.0, 3.0, 2.0}; // (1, 1, 2) × (1, 3, −1)
        FIT_VERIFY_ABS(b[0] * null[0] + b[1] * null[1] + b[2] * null[2], 0.0, 1e-13, "β · null vector");
        QVERIFY(contains(f.warnings, "no residual degrees of freedom"));
        QVERIFY(contains(f.warnings, "with fewer observations (2) than coefficients (3), the design matrix is rank-deficient"));
    }

    void singleRow()
    {
        const std::vector<double> x{2}, y{10};
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1));
        FIT_VERIFY_ABS(f.coefficients[0].estimate, 2.0, 1e-14, "a"); // 10·(1, 2)/5
        FIT_VERIFY_ABS(f.coefficients[1].estimate, 4.0, 1e-14, "b");
        QVERIFY(std::isnan(f.rSquared) && std::isnan(f.coefficients[0].standardError));
    }

    void constantAndZeroColumnsAreNamed()
    {
        Problem p = randomProblem(50, 2, 3);
        std::vector<double> x;
        for (std::size_t i = 0; i < p.y.size(); ++i)
            x.insert(x.end(), {p.x[2 * i], 7.0, p.x[2 * i + 1], 0.0});
        const std::vector<std::string> names{"a", "seven", "b", "nothing"};
        fit::DataView v = viewOf(x, p.y, 4);
        v.featureNames = names;
        const fit::FitResult f = fit::fitLeastSquares(v);
        QCOMPARE(f.rank, std::int64_t(3));
        QVERIFY2(contains(f.warnings, "'seven' is constant (the intercept already covers it)"), f.warnings[0].english().c_str());
        QVERIFY2(contains(f.warnings, "'nothing' is all zeros"), f.warnings[0].english().c_str());
        // The answer is the fit without those columns, spread by minimum norm over intercept and 7.
        const fit::FitResult reduced = fit::fitLeastSquares(viewOf(p.x, p.y, 2));
        FIT_VERIFY_REL(f.coefficients[3].estimate, reduced.coefficients[2].estimate, 1e-10, "b");
        FIT_VERIFY_REL(f.coefficients[0].estimate + 7.0 * f.coefficients[2].estimate,
                       reduced.coefficients[0].estimate, 1e-10, "intercept");
        FIT_VERIFY_ABS(f.coefficients[4].estimate, 0.0, 0.0, "zero column");
        FIT_VERIFY_REL(f.rss, reduced.rss, 1e-10, "rss");
    }

    void nearlyCollinearColumnsAreFlagged()
    {
        std::mt19937_64 rng(21);
        std::normal_distribution<double> normal;
        std::vector<double> x, y;
        for (int i = 0; i < 100; ++i) {
            const double a = normal(rng);
            x.insert(x.end(), {a, a + 1e-12 * normal(rng)});
            y.push_back(1.0 + a + 0.1 * normal(rng));
        }
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 2));
        QCOMPARE(f.rank, std::int64_t(3));
        QVERIFY(contains(f.warnings, "the columns are nearly collinear (condition number"));
        QVERIFY(!contains(f.warnings, "rank-deficient"));
    }

    void polynomialOnTooFewDistinctValues()
    {
        const std::vector<double> x{0, 1, 2, 0, 1, 2}, y{1, 2, 5, 1.1, 2.1, 4.9};
        fit::FitOptions cubic;
        cubic.degree = 3;
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1), cubic);
        QCOMPARE(f.rank, std::int64_t(3));
        QVERIFY2(contains(f.warnings, "'x^3' is a linear combination of 'x' and 'x^2'"),
                 f.warnings.front().english().c_str());
    }

    void datasetView()
    {
        data::Dataset d;
        d.featureNames = {"hours"};
        d.targetName = "score";
        d.x = {1, 2, 3, 4, 5};
        d.y = {3, 5, 7, 9, 12};
        const std::vector<std::int64_t> train{0, 1, 2, 3};
        const fit::FitResult f = fit::fitLeastSquares(fit::view(d, train));
        QCOMPARE(f.observations, std::int64_t(4));
        QCOMPARE(f.coefficients[1].name, std::string("hours"));
        FIT_VERIFY_ABS(f.coefficients[1].estimate, 2.0, 1e-14, "slope on the picked rows");
        d.x.pop_back();
        FIT_VERIFY_ERROR("the dataset holds 4 feature values, not 5 rows × 1 features", fit::view(d));
    }

    void badlyScaledPolynomialKeepsFullRank()
    {
        // x³ is 10¹² times the intercept: only the column scaling keeps it from looking collinear.
        std::mt19937_64 rng(5);
        std::uniform_real_distribution<double> u(1e4, 1e4 + 100.0);
        std::normal_distribution<double> normal;
        std::vector<double> x, centered, y;
        for (int i = 0; i < 200; ++i) {
            x.push_back(u(rng));
            centered.push_back(x.back() - 1e4);
            const double c = centered.back() / 10.0;
            y.push_back(1.0 + 0.5 * c - 0.2 * c * c + 0.01 * c * c * c + 0.1 * normal(rng));
        }
        fit::FitOptions cubic;
        cubic.degree = 3;
        const fit::FitResult f = fit::fitLeastSquares(viewOf(x, y, 1), cubic);
        QCOMPARE(f.rank, std::int64_t(4));
        QVERIFY2(f.warnings.empty(), f.warnings.empty() ? "" : f.warnings.front().english().c_str());
        const fit::FitResult reference = fit::fitLeastSquares(viewOf(centered, y, 1), cubic);
        FIT_VERIFY_REL(f.rss, reference.rss, 1e-6, "rss of the same model, centred");
        QCOMPARE(f.coefficients[3].name, std::string("x^3"));
    }

    void invalidInputIsRefused()
    {
        std::vector<double> x{1, 2, 3, 4, 5, 6}, y{1, 2, 3};
        x[3] = std::numeric_limits<double>::quiet_NaN();
        FIT_VERIFY_ERROR("row index 1, 'x2': the value is NaN", fit::fitLeastSquares(viewOf(x, y, 2)));
        x[3] = 4;
        y[2] = std::numeric_limits<double>::infinity();
        FIT_VERIFY_ERROR("row index 2, the target: the value is +infinity", fit::fitLeastSquares(viewOf(x, y, 2)));
        y[2] = 3;
        const std::vector<double> big{1e200, 1.0, 2.0}, three{1, 2, 3};
        fit::FitOptions square;
        square.degree = 2;
        FIT_VERIFY_ERROR("'x' to the power 2 (it overflows)", fit::fitLeastSquares(viewOf(big, three, 1), square));
        const std::vector<double> none;
        FIT_VERIFY_ERROR("there are no rows to fit", fit::fitLeastSquares(viewOf(none, none, 1)));
        FIT_VERIFY_ERROR("a polynomial fit needs exactly one feature", fit::fitLeastSquares(viewOf(x, y, 2), square));
        fit::DataView v = viewOf(x, y, 2);
        const std::vector<std::int64_t> pick{0, 3};
        v.pick = pick;
        FIT_VERIFY_ERROR("picked row 1 is row 3, outside the data's 3 rows", fit::fitLeastSquares(v));
        fit::FitOptions level;
        level.confidenceLevel = 1.0;
        FIT_VERIFY_ERROR("confidence level", fit::fitLeastSquares(viewOf(x, y, 2), level));
    }

    void extremeMagnitudes()
    {
        // Units in which the squares still fit give the same fit, rescaled.
        const Problem p = randomProblem(50, 2, 14);
        const fit::FitResult plain = fit::fitLeastSquares(viewOf(p.x, p.y, 2));
        std::vector<double> tiny = p.x;
        for (std::size_t i = 0; i < tiny.size(); i += 2) // x1 in tiny units, x2 as before
            tiny[i] *= 1e-100;
        const fit::FitResult scaled = fit::fitLeastSquares(viewOf(tiny, p.y, 2));
        FIT_VERIFY_REL(scaled.coefficients[1].estimate, plain.coefficients[1].estimate * 1e100, 1e-12, "x1 in tiny units");
        FIT_VERIFY_REL(scaled.coefficients[1].standardError, plain.coefficients[1].standardError * 1e100, 1e-12, "its SE");
        FIT_VERIFY_REL(scaled.rSquared, plain.rSquared, 1e-13, "R²");
        // Past that, a clear refusal rather than overflowed statistics.
        for (double& v : tiny)
            v *= 1e-100;
        FIT_VERIFY_ERROR("'x1' is too small in magnitude (its norm is", fit::fitLeastSquares(viewOf(tiny, p.y, 2)));
        std::vector<double> huge = p.y;
        for (double& v : huge)
            v *= 1e200;
        FIT_VERIFY_ERROR("the target is too large in magnitude", fit::fitLeastSquares(viewOf(p.x, huge, 2)));
    }

    void manyBlocksMatchOneDirectQR()
    {
        const Problem p = randomProblem(20000, 5, 9); // about ten blocks of rows
        const fit::FitResult f = fit::fitLeastSquares(viewOf(p.x, p.y, 5));
        const auto n = static_cast<Eigen::Index>(p.y.size());
        Eigen::MatrixXd a(n, 6);
        for (Eigen::Index i = 0; i < n; ++i) {
            a(i, 0) = 1.0;
            for (Eigen::Index j = 0; j < 5; ++j)
                a(i, j + 1) = p.x[static_cast<std::size_t>(i * 5 + j)];
        }
        const Eigen::VectorXd direct
            = a.colPivHouseholderQr().solve(Eigen::Map<const Eigen::VectorXd>(p.y.data(), n));
        for (Eigen::Index j = 0; j < 6; ++j)
            FIT_VERIFY_REL(f.coefficients[static_cast<std::size_t>(j)].estimate, direct(j), 1e-12, "coefficient");
        double rss = 0.0;
        for (double r : f.residuals)
            rss += r * r;
        FIT_VERIFY_REL(f.rss, rss, 1e-10, "rss from the factor vs from the residuals");
    }

    void resultDoesNotDependOnThreads()
    {
        const Problem p = randomProblem(30000, 3, 4);
        const int threads = omp_get_max_threads();
        omp_set_num_threads(1);
        const fit::FitResult one = fit::fitLeastSquares(viewOf(p.x, p.y, 3));
        omp_set_num_threads(4);
        const fit::FitResult four = fit::fitLeastSquares(viewOf(p.x, p.y, 3));
        omp_set_num_threads(threads);
        QVERIFY(one.estimates() == four.estimates());
        QCOMPARE(one.rss, four.rss);
        // Wide: three blocks of rows, each factored in panels whose updates are matrix products.
        const Problem wide = randomProblem(5000, 120, 8);
        omp_set_num_threads(1);
        const fit::FitResult wideOne = fit::fitLeastSquares(viewOf(wide.x, wide.y, 120));
        omp_set_num_threads(2);
        const fit::FitResult wideTwo = fit::fitLeastSquares(viewOf(wide.x, wide.y, 120));
        omp_set_num_threads(threads);
        QVERIFY(wideOne.estimates() == wideTwo.estimates());
        QCOMPARE(wideOne.rss, wideTwo.rss);
        // The robust covariances and the Q–Q plot too, on many rows and on few.
        for (const Problem* q : {&p, &wide}) {
            const std::int64_t k = q == &p ? 3 : 120;
            std::vector<double> errors[2];
            fit::NormalQQ qq[2];
            for (int run = 0; run < 2; ++run) {
                omp_set_num_threads(run == 0 ? 1 : 4);
                fit::FitResult f = fit::fitLeastSquares(viewOf(q->x, q->y, k));
                fit::computeSandwich(f, viewOf(q->x, q->y, k));
                fit::setCovarianceType(f, fit::CovarianceType::HC3);
                for (const fit::Coefficient& c : f.coefficients)
                    errors[run].push_back(c.standardError);
                qq[run] = fit::normalQQ(f, viewOf(q->x, q->y, k), 1000);
            }
            omp_set_num_threads(threads);
            QVERIFY(errors[0] == errors[1]);
            QVERIFY(qq[0].sample == qq[1].sample);
            QCOMPARE(qq[0].slope, qq[1].slope);
        }
    }

    void pickReadsTheSameRowsAsACopy()
    {
        const Problem p = randomProblem(100, 2, 6);
        std::vector<std::int64_t> pick;
        Problem copy;
        for (std::int64_t i = 99; i >= 0; i -= 3) {
            pick.push_back(i);
            copy.x.insert(copy.x.end(), {p.x[2 * i], p.x[2 * i + 1]});
            copy.y.push_back(p.y[static_cast<std::size_t>(i)]);
        }
        fit::DataView v = viewOf(p.x, p.y, 2);
        v.pick = pick;
        const fit::FitResult picked = fit::fitLeastSquares(v);
        const fit::FitResult copied = fit::fitLeastSquares(viewOf(copy.x, copy.y, 2));
        QVERIFY(picked.estimates() == copied.estimates());
        QVERIFY(picked.residuals == copied.residuals);
    }

    void predictDrawsTheLine()
    {
        const std::vector<double> line = fit::predict(std::vector<double>{1.0, 2.0}, std::vector<double>{0.0, 0.5, 1.0});
        QVERIFY(line == (std::vector<double>{1.0, 2.0, 3.0}));
        const std::vector<double> cubic
            = fit::predict(std::vector<double>{1.0, 0.0, 0.0, 2.0}, std::vector<double>{-1.0, 2.0}, 3);
        QVERIFY(cubic == (std::vector<double>{-1.0, 17.0}));
        const Problem p = randomProblem(40, 3, 8);
        const fit::FitResult f = fit::fitLeastSquares(viewOf(p.x, p.y, 3));
        const std::vector<double> yhat = fit::predict(f, viewOf(p.x, p.y, 3));
        for (std::size_t i = 0; i < yhat.size(); ++i)
            FIT_VERIFY_ABS(yhat[i], p.y[i] - f.residuals[i], 1e-12, "ŷ = y − residual");
        FIT_VERIFY_ERROR("a polynomial of degree 3 has 4 coefficients", fit::predict(std::vector<double>{1, 2}, yhat, 3));
    }

    void lossesFollowTorch_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("reduction");
        QTest::addColumn<double>("parameter");
        QTest::addColumn<double>("expected");
        // Differences −3, −0.5, 0, 0.25, 2 (prediction − target), by hand.
        QTest::newRow("mse mean") << int(fit::LossKind::MSE) << int(fit::Reduction::Mean) << 1.0 << 13.3125 / 5;
        QTest::newRow("mse sum") << int(fit::LossKind::MSE) << int(fit::Reduction::Sum) << 1.0 << 13.3125;
        QTest::newRow("l1 mean") << int(fit::LossKind::L1) << int(fit::Reduction::Mean) << 1.0 << 5.75 / 5;
        QTest::newRow("huber 1 sum") << int(fit::LossKind::Huber) << int(fit::Reduction::Sum) << 1.0
                                     << 2.5 + 0.125 + 0.0 + 0.03125 + 1.5;
        QTest::newRow("huber 2 mean") << int(fit::LossKind::Huber) << int(fit::Reduction::Mean) << 2.0
                                      << (4.0 + 0.125 + 0.03125 + 2.0) / 5; // |2| is not < 2: outer branch
        QTest::newRow("smoothl1 0.5 sum") << int(fit::LossKind::SmoothL1) << int(fit::Reduction::Sum) << 0.5
                                          << 2.75 + 0.25 + 0.0 + 0.0625 + 1.75;
        QTest::newRow("smoothl1 beta 0 is l1") << int(fit::LossKind::SmoothL1) << int(fit::Reduction::Sum) << 0.0 << 5.75;
    }

    void lossesFollowTorch()
    {
        QFETCH(int, kind);
        QFETCH(int, reduction);
        QFETCH(double, parameter);
        QFETCH(double, expected);
        const std::vector<double> target{3.0, 1.0, 2.0, -1.0, 0.0}, prediction{0.0, 0.5, 2.0, -0.75, 2.0};
        const fit::LossSpec spec{static_cast<fit::LossKind>(kind), static_cast<fit::Reduction>(reduction), parameter};
        FIT_VERIFY_REL(fit::loss(prediction, target, spec), expected, 1e-15, "loss");
    }

    void lossOnASplitUsesTheFit()
    {
        const Problem p = randomProblem(60, 2, 12);
        std::vector<std::int64_t> train, val;
        for (std::int64_t i = 0; i < 60; ++i)
            (i % 4 == 0 ? val : train).push_back(i);
        fit::DataView v = viewOf(p.x, p.y, 2);
        v.pick = train;
        const fit::FitResult f = fit::fitLeastSquares(v);
        v.pick = val;
        const std::vector<double> yhat = fit::predict(f, v);
        std::vector<double> target;
        for (std::int64_t i : val)
            target.push_back(p.y[static_cast<std::size_t>(i)]);
        for (const fit::LossSpec spec : {fit::LossSpec{}, fit::LossSpec{fit::LossKind::Huber, fit::Reduction::Sum, 0.05}})
            FIT_VERIFY_REL(fit::loss(f, v, spec), fit::loss(yhat, target, spec), 1e-14, "validation loss");
        FIT_VERIFY_ERROR("Huber loss needs a positive delta",
                         fit::loss(f, v, fit::LossSpec{fit::LossKind::Huber, fit::Reduction::Mean, 0.0}));
        FIT_VERIFY_ERROR("the loss of no rows", fit::loss(std::vector<double>{}, std::vector<double>{}));
    }
};

QTEST_APPLESS_MAIN(TestFitCases)
#include "tst_fit_cases.moc"
