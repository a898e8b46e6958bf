// The index arithmetic the CUDA kernels use (model/engine/index_maps.h), run on the host: every
// output element of a broadcast, a reduction and a transpose must reach the input element the
// CPU's definition names. These run everywhere, GPU or not.
#include "engine/index_maps.h"
#include "engine/ops.h"
#include "engine/tensor.h"

#include <QTest>

#include <numeric>
#include <set>
#include <vector>

using namespace gradlab;

namespace {

std::vector<std::int64_t> unravel(std::int64_t i, const Shape& s)
{
    std::vector<std::int64_t> c(static_cast<std::size_t>(s.ndim()));
    for (int d = s.ndim() - 1; d >= 0; --d) {
        c[static_cast<std::size_t>(d)] = i % s[d];
        i /= s[d];
    }
    return c;
}

// The offset in `in` (right-aligned to `coords`, size-1 dimensions broadcast) of an output element.
std::int64_t broadcastOffset(const std::vector<std::int64_t>& coords, const Shape& in)
{
    const int off = static_cast<int>(coords.size()) - in.ndim();
    std::int64_t o = 0;
    for (int d = 0; d < in.ndim(); ++d)
        o = o * in[d] + (in[d] == 1 ? 0 : coords[static_cast<std::size_t>(d + off)]);
    return o;
}

QString str(const Shape& s) { return QString::fromStdString(s.str()); }

} // namespace

class TestIndexMaps : public QObject {
    Q_OBJECT

private slots:
    void broadcastReachesTheRightOperands_data();
    void broadcastReachesTheRightOperands();
    void reductionSumsEachInputOnceIntoItsOutput_data();
    void reductionSumsEachInputOnceIntoItsOutput();
    void permuterMatchesTheCpuTranspose_data();
    void permuterMatchesTheCpuTranspose();
};

void TestIndexMaps::broadcastReachesTheRightOperands_data()
{
    QTest::addColumn<QVector<qint64>>("a");
    QTest::addColumn<QVector<qint64>>("b");
    QTest::newRow("same shape") << QVector<qint64>{3, 4} << QVector<qint64>{3, 4};
    QTest::newRow("row") << QVector<qint64>{3, 4} << QVector<qint64>{1, 4};
    QTest::newRow("column") << QVector<qint64>{3, 1} << QVector<qint64>{3, 4};
    QTest::newRow("outer") << QVector<qint64>{3, 1} << QVector<qint64>{1, 5};
    QTest::newRow("fewer dims") << QVector<qint64>{2, 3, 4} << QVector<qint64>{4};
    QTest::newRow("scalar") << QVector<qint64>{} << QVector<qint64>{2, 3};
    QTest::newRow("3-D both ways") << QVector<qint64>{2, 1, 4} << QVector<qint64>{1, 3, 1};
    QTest::newRow("5-D") << QVector<qint64>{2, 1, 3, 1, 2} << QVector<qint64>{3, 2, 1};
}

void TestIndexMaps::broadcastReachesTheRightOperands()
{
    QFETCH(QVector<qint64>, a);
    QFETCH(QVector<qint64>, b);
    const Shape sa(std::vector<std::int64_t>(a.begin(), a.end()));
    const Shape sb(std::vector<std::int64_t>(b.begin(), b.end()));
    const Shape out = Shape::broadcast(sa, sb);
    const Indexer ix = makeIndexer(sa, sb, out);
    for (std::int64_t i = 0; i < out.numel(); ++i) {
        std::int64_t oa = -1, ob = -1;
        ix.offsets(i, oa, ob);
        const auto c = unravel(i, out);
        QVERIFY2(oa == broadcastOffset(c, sa), qPrintable(QStringLiteral("a of %1 at %2").arg(str(out)).arg(i)));
        QVERIFY2(ob == broadcastOffset(c, sb), qPrintable(QStringLiteral("b of %1 at %2").arg(str(out)).arg(i)));
    }
}

void TestIndexMaps::reductionSumsEachInputOnceIntoItsOutput_data()
{
    QTest::addColumn<QVector<qint64>>("in");
    QTest::addColumn<QVector<qint64>>("out");
    QTest::newRow("all") << QVector<qint64>{4, 5} << QVector<qint64>{1, 1};
    QTest::newRow("rows (bias gradient)") << QVector<qint64>{6, 3} << QVector<qint64>{1, 3};
    QTest::newRow("columns") << QVector<qint64>{6, 3} << QVector<qint64>{6, 1};
    QTest::newRow("fewer leading dims") << QVector<qint64>{6, 3} << QVector<qint64>{3};
    QTest::newRow("3-D middle") << QVector<qint64>{2, 3, 4} << QVector<qint64>{2, 1, 4};
    QTest::newRow("3-D outer two") << QVector<qint64>{2, 3, 4} << QVector<qint64>{4};
    QTest::newRow("3-D first and last") << QVector<qint64>{2, 3, 4} << QVector<qint64>{1, 3, 1};
    QTest::newRow("size-1 dims kept") << QVector<qint64>{1, 5, 1, 2} << QVector<qint64>{1, 1, 1, 2};
}

void TestIndexMaps::reductionSumsEachInputOnceIntoItsOutput()
{
    QFETCH(QVector<qint64>, in);
    QFETCH(QVector<qint64>, out);
    const Shape si(std::vector<std::int64_t>(in.begin(), in.end()));
    const Shape so(std::vector<std::int64_t>(out.begin(), out.end()));
    const ReduceMap map = reduceMap(si, so);
    QCOMPARE(map.perOutput * so.numel(), si.numel());
    std::set<std::int64_t> seen;
    for (std::int64_t o = 0; o < so.numel(); ++o) {
        for (std::int64_t r = 0; r < map.perOutput; ++r) {
            const std::int64_t off = map.offset(o, r);
            QVERIFY(off >= 0 && off < si.numel());
            QVERIFY2(seen.insert(off).second, qPrintable(QStringLiteral("input %1 summed twice").arg(off)));
            // The input's coordinates, with the reduced ones dropped, name output o.
            QCOMPARE(broadcastOffset(unravel(off, si), so), o);
        }
    }
    QCOMPARE(static_cast<std::int64_t>(seen.size()), si.numel());
}

void TestIndexMaps::permuterMatchesTheCpuTranspose_data()
{
    QTest::addColumn<QVector<qint64>>("shape");
    QTest::addColumn<int>("dim0");
    QTest::addColumn<int>("dim1");
    QTest::newRow("2-D") << QVector<qint64>{4, 5} << 0 << 1;
    QTest::newRow("3-D 0,2") << QVector<qint64>{2, 3, 4} << 0 << 2;
    QTest::newRow("3-D 1,2") << QVector<qint64>{2, 3, 4} << 1 << 2;
    QTest::newRow("4-D 0,3") << QVector<qint64>{2, 1, 3, 2} << 0 << 3;
}

void TestIndexMaps::permuterMatchesTheCpuTranspose()
{
    QFETCH(QVector<qint64>, shape);
    QFETCH(int, dim0);
    QFETCH(int, dim1);
    const Shape s(std::vector<std::int64_t>(shape.begin(), shape.end()));
    std::vector<double> values(static_cast<std::size_t>(s.numel()));
    std::iota(values.begin(), values.end(), 0.0);
    const Tensor cpu = transpose(fromData(values, s, TensorOptions{}.withDType(DType::Float64)), dim0, dim1);
    const std::vector<double> expected = cpu.toVector();
    const Permuter pm = makePermuter(s, dim0, dim1, cpu.shape());
    for (std::int64_t i = 0; i < cpu.numel(); ++i)
        QCOMPARE(values[static_cast<std::size_t>(pm.offset(i))], expected[static_cast<std::size_t>(i)]);
}

QTEST_APPLESS_MAIN(TestIndexMaps)
#include "tst_index_maps.moc"
