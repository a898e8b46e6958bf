// Splits and mini-batches: the tutorial's split from its continued stream, NumPy-made shuffles,
// batches that cover every index once, and clear refusals.
#include "data/split.h"
#include "data/synthetic.h"
#include "numpy_fixture.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>
#include <stdexcept>

using namespace gradlab::data;
using namespace gradlab::test;

class TestSplit : public QObject {
    Q_OBJECT

private slots:
    // np.random.seed(42); rand; randn; idx = arange(100); shuffle(idx): the tutorial's split.
    void tutorialSplitContinuesTheStream()
    {
        auto generated = generateSynthetic(SyntheticConfig {});
        const Split split = splitIndices(100, 0.8, generated.stream);
        const QJsonObject want = tutorialExpected()[QStringLiteral("dataset")].toObject();
        QCOMPARE(split.train, int64s(want[QStringLiteral("train_indices")]));
        QCOMPARE(split.val, int64s(want[QStringLiteral("val_indices")]));
    }

    void freshSeed_data()
    {
        QTest::addColumn<int>("row");
        const QJsonArray seeds = numpyReference()[QStringLiteral("seeds")].toArray();
        for (int i = 0; i < seeds.size(); ++i)
            QTest::addRow("seed %lld", seeds[i][QStringLiteral("seed")].toInteger()) << i;
    }

    void freshSeed()
    {
        QFETCH(int, row);
        const QJsonObject c = numpyReference()[QStringLiteral("seeds")].toArray()[row].toObject();
        const auto seed = static_cast<std::uint32_t>(c[QStringLiteral("seed")].toInteger());
        const std::vector<std::int64_t> order = int64s(c[QStringLiteral("shuffle")][QStringLiteral("100")]);
        const Split split = splitIndices(100, 0.8, true, seed);
        QCOMPARE(split.train, std::vector<std::int64_t>(order.begin(), order.begin() + 80));
        QCOMPARE(split.val, std::vector<std::int64_t>(order.begin() + 80, order.end()));
    }

    void inOrderWithoutShuffle()
    {
        const Split split = splitIndices(5, 0.6, false, 42);
        QCOMPARE(split.train, (std::vector<std::int64_t> {0, 1, 2}));
        QCOMPARE(split.val, (std::vector<std::int64_t> {3, 4}));
    }

    void trainCount_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<qint64>("train");
        QTest::newRow("tutorial") << qint64(100) << 0.8 << qint64(80);
        QTest::newRow("truncated") << qint64(101) << 0.8 << qint64(80);
        QTest::newRow("0.7 of 10") << qint64(10) << 0.7 << qint64(7);
        QTest::newRow("2 rows") << qint64(2) << 0.5 << qint64(1);
        QTest::newRow("0.99 of 5") << qint64(5) << 0.99 << qint64(4);
    }

    void trainCount()
    {
        QFETCH(qint64, n);
        QFETCH(double, fraction);
        QFETCH(qint64, train);
        QCOMPARE(gradlab::data::trainCount(n, fraction), train);
        const Split split = splitIndices(n, fraction, true, 1);
        QCOMPARE(qint64(split.train.size()), train);
        QCOMPARE(qint64(split.val.size()), n - train);
    }

    void badSplit_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<QString>("message");
        QTest::newRow("fraction 0") << qint64(100) << 0.0 << "trainFraction must be between 0 and 1";
        QTest::newRow("fraction 1") << qint64(100) << 1.0 << "trainFraction must be between 0 and 1";
        QTest::newRow("fraction negative") << qint64(100) << -0.2 << "trainFraction must be between 0 and 1";
        QTest::newRow("fraction above 1") << qint64(100) << 1.5 << "trainFraction must be between 0 and 1";
        QTest::newRow("fraction NaN") << qint64(100) << std::numeric_limits<double>::quiet_NaN()
                                      << "trainFraction must be between 0 and 1";
        QTest::newRow("empty train") << qint64(3) << 0.2 << "trainFraction 0.2 of 3 rows leaves the training set empty";
        QTest::newRow("one row") << qint64(1) << 0.5 << "a split needs at least 2 rows";
        QTest::newRow("no rows") << qint64(0) << 0.5 << "a split needs at least 2 rows";
    }

    void badSplit()
    {
        QFETCH(qint64, n);
        QFETCH(double, fraction);
        QFETCH(QString, message);
        for (int variant = 0; variant < 2; ++variant) {
            try {
                RandomState stream(42);
                if (variant == 0)
                    splitIndices(n, fraction, true, 42);
                else
                    splitIndices(n, fraction, stream);
                QFAIL("no exception");
            } catch (const std::invalid_argument& e) {
                QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
            }
        }
    }

    void batchesCoverEveryIndex_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("shuffle");
        QTest::addColumn<bool>("dropLast");
        QTest::addColumn<qint64>("count");
        QTest::addColumn<qint64>("lastSize");
        QTest::newRow("full batch") << qint64(80) << qint64(0) << false << false << qint64(1) << qint64(80);
        QTest::newRow("full batch, drop last") << qint64(80) << qint64(0) << true << true << qint64(1) << qint64(80);
        QTest::newRow("even") << qint64(80) << qint64(16) << false << false << qint64(5) << qint64(16);
        QTest::newRow("partial kept") << qint64(80) << qint64(32) << false << false << qint64(3) << qint64(16);
        QTest::newRow("partial dropped") << qint64(80) << qint64(32) << true << true << qint64(2) << qint64(32);
        QTest::newRow("shuffled, kept") << qint64(81) << qint64(10) << true << false << qint64(9) << qint64(1);
        QTest::newRow("size 1") << qint64(7) << qint64(1) << true << false << qint64(7) << qint64(1);
        QTest::newRow("size above n") << qint64(7) << qint64(100) << true << false << qint64(1) << qint64(7);
        QTest::newRow("size n, drop last") << qint64(7) << qint64(7) << false << true << qint64(1) << qint64(7);
    }

    void batchesCoverEveryIndex()
    {
        QFETCH(qint64, n);
        QFETCH(qint64, size);
        QFETCH(bool, shuffle);
        QFETCH(bool, dropLast);
        QFETCH(qint64, count);
        QFETCH(qint64, lastSize);
        std::vector<std::int64_t> indices(static_cast<std::size_t>(n));
        std::iota(indices.begin(), indices.end(), 1000); // not positions: the indices are carried
        const BatchOptions options {size, shuffle, dropLast, 5};
        QCOMPARE(batchCount(n, options), count);
        for (std::int64_t epoch = 0; epoch < 3; ++epoch) {
            const auto batches = epochBatches(indices, options, epoch);
            QCOMPARE(qint64(batches.size()), count);
            std::multiset<std::int64_t> seen;
            for (std::size_t b = 0; b < batches.size(); ++b) {
                const qint64 want = b + 1 == batches.size() ? lastSize : (size == 0 ? n : size);
                QCOMPARE(qint64(batches[b].size()), want);
                seen.insert(batches[b].begin(), batches[b].end());
            }
            QCOMPARE(qint64(seen.size()), dropLast ? count * (size == 0 ? n : size) : n);
            QCOMPARE(qint64(std::set<std::int64_t>(seen.begin(), seen.end()).size()), qint64(seen.size()));
            for (std::int64_t v : seen)
                QVERIFY(v >= 1000 && v < 1000 + n);
        }
    }

    void inOrderWithoutShuffleEachEpoch()
    {
        const std::vector<std::int64_t> indices {9, 3, 7, 1, 5};
        for (std::int64_t epoch : {0, 1, 7}) {
            const auto batches = epochBatches(indices, BatchOptions {2, false, false, 42}, epoch);
            QCOMPARE(batches, (std::vector<std::vector<std::int64_t>> {{9, 3}, {7, 1}, {5}}));
        }
    }

    // rs = RandomState([seed, epoch]); rs.shuffle(indices.copy()), from NumPy.
    void reshuffledLikeNumpy()
    {
        const QJsonObject c = numpyReference()[QStringLiteral("batches")].toObject();
        const std::vector<std::int64_t> indices = int64s(c[QStringLiteral("indices")]);
        const auto seed = static_cast<std::uint32_t>(c[QStringLiteral("seed")].toInteger());
        const QJsonArray orders = c[QStringLiteral("epoch_orders")].toArray();
        for (qsizetype epoch = 0; epoch < orders.size(); ++epoch) {
            const auto batches = epochBatches(indices, BatchOptions {4, true, false, seed}, epoch);
            std::vector<std::int64_t> order;
            for (const auto& b : batches)
                order.insert(order.end(), b.begin(), b.end());
            QCOMPARE(order, int64s(orders[epoch]));
        }
    }

    void reshuffleDeterministicPerSeedAndEpoch()
    {
        std::vector<std::int64_t> indices(100);
        std::iota(indices.begin(), indices.end(), 0);
        const BatchOptions options {10, true, false, 42};
        QCOMPARE(epochBatches(indices, options, 3), epochBatches(indices, options, 3));
        QVERIFY(epochBatches(indices, options, 3) != epochBatches(indices, options, 4));
        QVERIFY(epochBatches(indices, options, 0) != epochBatches(indices, options, 1));
        BatchOptions otherSeed = options;
        otherSeed.seed = 43;
        QVERIFY(epochBatches(indices, options, 3) != epochBatches(indices, otherSeed, 3));
    }

    // The positions form, used on an already split Dataset.
    void positions()
    {
        std::vector<std::int64_t> positions(30);
        std::iota(positions.begin(), positions.end(), 0);
        QCOMPARE(epochBatches(30, 8, true, 7, 2, true), epochBatches(positions, BatchOptions {8, true, true, 7}, 2));
        QCOMPARE(epochBatches(30, 8, true, 7, 2, true).size(), std::size_t {3});
    }

    void badBatches_data()
    {
        QTest::addColumn<qint64>("n");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("dropLast");
        QTest::addColumn<qint64>("epoch");
        QTest::addColumn<QString>("message");
        QTest::newRow("no rows") << qint64(0) << qint64(4) << false << qint64(0) << "mini-batches need at least 1 row";
        QTest::newRow("negative size") << qint64(10) << qint64(-1) << false << qint64(0) << "batchSize must not be negative";
        QTest::newRow("drop everything") << qint64(10) << qint64(11) << true << qint64(0)
                                         << "batchSize 11 with dropLast leaves no batch of 10 rows";
        QTest::newRow("negative epoch") << qint64(10) << qint64(3) << false << qint64(-1) << "epoch must be between 0 and 2**32 - 1";
    }

    void badBatches()
    {
        QFETCH(qint64, n);
        QFETCH(qint64, size);
        QFETCH(bool, dropLast);
        QFETCH(qint64, epoch);
        QFETCH(QString, message);
        try {
            epochBatches(n, size, true, 1, epoch, dropLast);
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestSplit)
#include "tst_split.moc"
