// RandomState against NumPy 1.24's legacy RandomState (fixtures/numpy_reference.json) and the
// tutorial's first draws.
#include "data/numpy_random.h"
#include "numpy_fixture.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

using gradlab::data::RandomState;
using namespace gradlab::test;

namespace {

QJsonObject seedCase(int row)
{
    return numpyReference()[QStringLiteral("seeds")].toArray()[row].toObject();
}

std::uint32_t seedOf(const QJsonObject& c)
{
    return static_cast<std::uint32_t>(c[QStringLiteral("seed")].toInteger());
}

} // namespace

class TestNumpyRandom : public QObject {
    Q_OBJECT

private slots:
    void tutorialFirstRandValues()
    {
        const std::vector<double> want =
            doubles(tutorialExpected()[QStringLiteral("dataset")][QStringLiteral("first_rand_values_seed42")]);
        RandomState rs(42);
        const QByteArray why = exactMismatch(rs.randomSample(3), want);
        QVERIFY2(why.isEmpty(), why.constData());
    }

    // The C++ standard pins std::mt19937's 10000th output for the reference seed 5489.
    void mersenneTwisterReference()
    {
        RandomState rs(5489);
        std::uint32_t v = 0;
        for (int i = 0; i < 10000; ++i)
            v = rs.nextUint32();
        QCOMPARE(v, 4123659995U);
    }

    void perSeed_data()
    {
        QTest::addColumn<int>("row");
        const QJsonArray seeds = numpyReference()[QStringLiteral("seeds")].toArray();
        for (int i = 0; i < seeds.size(); ++i)
            QTest::newRow(("seed " + QByteArray::number(seeds[i][QStringLiteral("seed")].toInteger())).constData()) << i;
    }

    void perSeed()
    {
        QFETCH(int, row);
        const QJsonObject c = seedCase(row);
        const std::uint32_t seed = seedOf(c);
        auto check = [&](const std::vector<double>& got, const char* key) {
            const QByteArray why = exactMismatch(got, doubles(c[QLatin1String(key)]));
            QVERIFY2(why.isEmpty(), (QByteArray(key) + ": " + why).constData());
        };

        check(RandomState(seed).randomSample(7), "rand7");
        check(RandomState(seed).randomSample(3), "global_rand3");

        RandomState raw(seed);
        for (std::int64_t want : int64s(c[QStringLiteral("uint32_5")]))
            QCOMPARE(static_cast<std::int64_t>(raw.nextUint32()), want);

        // One stream: odd counts leave a cached value that the next call returns first.
        RandomState rs(seed);
        check(rs.standardNormal(5), "randn5");
        QVERIFY(rs.hasCachedGauss());
        check(rs.standardNormal(3), "then_randn3");
        check(rs.randomSample(2), "then_rand2");
        check(rs.standardNormal(1), "then_randn1");
        check(rs.standardNormal(2), "then_randn2");

        RandomState u(seed);
        check(u.uniform(-3.5, 2.25, 5), "uniform_m3.5_2.25_5");
        check(u.uniform(5.0, 2.0, 3), "then_uniform_5_2_3");
    }

    void shuffle_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("n");
        const QJsonArray seeds = numpyReference()[QStringLiteral("seeds")].toArray();
        for (int i = 0; i < seeds.size(); ++i)
            for (int n : {1, 2, 7, 100, 1000})
                QTest::addRow("seed %lld, n %d", seeds[i][QStringLiteral("seed")].toInteger(), n) << i << n;
    }

    void shuffle()
    {
        QFETCH(int, row);
        QFETCH(int, n);
        const QJsonObject c = seedCase(row);
        std::vector<std::int64_t> idx(static_cast<std::size_t>(n));
        std::iota(idx.begin(), idx.end(), 0);
        RandomState(seedOf(c)).shuffle(idx);
        QCOMPARE(idx, int64s(c[QStringLiteral("shuffle")][QString::number(n)]));
    }

    void permutation_data() { perSeed_data(); }

    void permutation()
    {
        QFETCH(int, row);
        const QJsonObject c = seedCase(row);
        QCOMPARE(RandomState(seedOf(c)).permutation(10), int64s(c[QStringLiteral("permutation10")]));
    }

    // Legacy randint(0, m + 1, dtype=int64) draws exactly what random_interval(m) draws, so it pins
    // both the 32-bit path and the 64-bit one (two words, high first).
    void randomInterval_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("key");
        QTest::addColumn<qulonglong>("max");
        const QJsonArray seeds = numpyReference()[QStringLiteral("seeds")].toArray();
        for (int i = 0; i < seeds.size(); ++i) {
            const qint64 seed = seeds[i][QStringLiteral("seed")].toInteger();
            QTest::addRow("seed %lld, max 6", seed) << i << QStringLiteral("randint_7_6") << 6ULL;
            QTest::addRow("seed %lld, max 2^40-1", seed) << i << QStringLiteral("randint_2p40_4") << (1ULL << 40) - 1;
            QTest::addRow("seed %lld, max 5*2^32+2", seed) << i << QStringLiteral("randint_5x2p32p3_4") << 5 * (1ULL << 32) + 2;
        }
    }

    void randomInterval()
    {
        QFETCH(int, row);
        QFETCH(QString, key);
        QFETCH(qulonglong, max);
        const QJsonObject c = seedCase(row);
        RandomState rs(seedOf(c));
        for (std::int64_t want : int64s(c[key]))
            QCOMPARE(static_cast<std::int64_t>(rs.randomInterval(max)), want);
    }

    void arraySeed_data()
    {
        QTest::addColumn<int>("row");
        const QJsonArray cases = numpyReference()[QStringLiteral("array_seeds")].toArray();
        for (int i = 0; i < cases.size(); ++i)
            QTest::addRow("key of %lld words", qint64(cases[i][QStringLiteral("key")].toArray().size())) << i;
    }

    void arraySeed()
    {
        QFETCH(int, row);
        const QJsonObject c = numpyReference()[QStringLiteral("array_seeds")].toArray()[row].toObject();
        std::vector<std::uint32_t> key;
        for (std::int64_t k : int64s(c[QStringLiteral("key")]))
            key.push_back(static_cast<std::uint32_t>(k));
        RandomState rs {std::span<const std::uint32_t>(key)};
        const QByteArray why = exactMismatch(rs.randomSample(3), doubles(c[QStringLiteral("rand3")]));
        QVERIFY2(why.isEmpty(), why.constData());
    }

    void seedingClearsCachedGauss()
    {
        RandomState rs(3);
        rs.standardNormal();
        QVERIFY(rs.hasCachedGauss());
        rs.seed(3);
        QVERIFY(!rs.hasCachedGauss());
        RandomState fresh(3);
        QCOMPARE(rs.standardNormal(), fresh.standardNormal());
    }

    // Any element type is shuffled by the same swaps as the indices.
    void shuffleIsTypeIndependent()
    {
        std::vector<double> values(50);
        std::iota(values.begin(), values.end(), 0.0);
        RandomState(9).shuffle(values);
        const std::vector<std::int64_t> perm = RandomState(9).permutation(50);
        for (std::size_t i = 0; i < values.size(); ++i)
            QCOMPARE(values[i], static_cast<double>(perm[i]));
    }

    void checkedSeed_data()
    {
        QTest::addColumn<qint64>("seed");
        QTest::addColumn<bool>("valid");
        QTest::newRow("0") << qint64(0) << true;
        QTest::newRow("2^32-1") << qint64(0xffffffffLL) << true;
        QTest::newRow("-1") << qint64(-1) << false;
        QTest::newRow("2^32") << qint64(0x100000000LL) << false;
    }

    void checkedSeed()
    {
        QFETCH(qint64, seed);
        QFETCH(bool, valid);
        if (valid) {
            QCOMPARE(qint64(RandomState::checkedSeed(seed)), seed);
            return;
        }
        try {
            RandomState::checkedSeed(seed, "split.seed");
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QByteArray(e.what()).startsWith("split.seed must be between 0 and 2**32 - 1"), e.what());
        }
    }

    void badArguments()
    {
        RandomState rs(1);
        const double inf = std::numeric_limits<double>::infinity();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs.uniform(0.0, inf));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs.uniform(-1e308, 1e308));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs.randomSample(-1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rs.permutation(-1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, RandomState(std::span<const std::uint32_t> {}));
        QCOMPARE(rs.randomInterval(0), std::uint64_t {0});
        QVERIFY(rs.permutation(0).empty());
    }
};

QTEST_APPLESS_MAIN(TestNumpyRandom)
#include "tst_numpy_random.moc"
